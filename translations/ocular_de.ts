<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>ocular::ActivityStatus</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel what is loading (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::AddRegistryDialog</name>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain HTTP is used automatically only for localhost and other loopback addresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not put credentials in the URL.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::AnnotationsModel</name>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::AuditModel</name>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::AuditPanel</name>
    <message>
        <source>Audit Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All manifests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsigned only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without SBOM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditing %1: %2 of %3 tags…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 manifests, %3 unsigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>; ⚠ %n stale attachment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public Key for cosign Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM keys (*.pub *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::CapabilitiesPanel</name>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>artifactType filtering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag list pagination</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::ContentView</name>
    <message>
        <source>Formatting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::DemoSession</name>
    <message>
        <source>Seeding demo content… (%1 of %2: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo registry stopped unexpectedly: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting demo registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo registry did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding demo content…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seeding the demo registry failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::InspectorPanel</name>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Media type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a tag, a platform, a config or a layer to inspect it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository %1. Expand it to see its tags; select a tag to see its manifest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>descriptor</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s), %1 of manifests</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in config and %n layer(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This blob is %1; only blobs up to %2 are previewed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading config…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading config %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the config: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The content of this %1 blob is not previewed (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading blob %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the blob: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading %1@%2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blob: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::LoginDialog</name>
    <message>
        <source>This is an identity (refresh) token, not a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (none is configured)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (docker-credential-%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remember the credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ocular never writes credentials to its settings or to plain files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the password or token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the username (only identity tokens work without one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A username cannot contain &apos;:&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login dialog (this session)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential helper docker-credential-%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::MainWindow</name>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Repository…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Digest Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository in %1 (for example team/service):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid repository name (lower-case path components separated by /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The digest of this node is not known yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a repository, tag or manifest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::ReferrerGraphModel</name>
    <message>
        <source>Artifact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not walked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (cycle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>platform manifest</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersPanel</name>
    <message>
        <source>Verify with Key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a tag or a manifest to see what refers to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding referrers of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding referrers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; referrers API: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers (%1) of %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>
Could not read the content: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
%2
media type: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>artifact type: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>size: %1 bytes
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>created: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>predicate: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
This manifest does not exist any more (a stale entry).
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Notation JWS (%1)
signing scheme: %2
signing time: %3
signed manifest: %4
%5%6
verification: not checked (Notation trust policies are not evaluated by Ocular)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expiry: %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
Sigstore bundle %1
content: %2 %3 %4
transparency log entries: %5 (index %6, %7)
%8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
cosign simple signing
signed manifest: %1 (%2)
identity: %3
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOES NOT match the subject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no key chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signed payload names another manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verification: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public Key for cosign Signatures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM keys (*.pub *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersTreeLoader</name>
    <message>
        <source>the manifest is not loaded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RegistryAccess</name>
    <message>
        <source>TLS settings for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate verification is OFF for %1: the connection can be intercepted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1 for this session only: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the login for %1 in the system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved the login for %1 with docker-credential-%2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged out of %1. Logins kept by docker or podman stay until `docker logout %1`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>login dialog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure Connection Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If %1 uses a private certificate authority, add its CA certificate in the registry&apos;s TLS settings. A client certificate can be set there too. Skipping verification is possible but lets anyone intercept the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS Settings…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RegistryAccessActions</name>
    <message>
        <source>&amp;Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry &amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Registry with TLS Options…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where the credentials for this registry came from. Registry ▸ Log Out forgets Ocular&apos;s own login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a login — Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secure connection to %1 failed — details and TLS settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RegistryListPanel</name>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add registry… (Ctrl+Shift+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected registry from this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (not remembered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RegistrySettingsDialog</name>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not verify the server certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>system trust store only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unencrypted PEM key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning: anyone on the network path can impersonate this registry and read everything sent to it, including passwords. Use a CA file instead when you can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra CA certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Certificate (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client Key (PEM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a login, Ocular uses docker&apos;s config.json (and its credential helpers) and podman&apos;s auth.json, like the command-line tools.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: not used yet (Ocular asks when the registry requires a login).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials: none found, browsing anonymously.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credentials from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a registry host or URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS options apply to HTTPS registries only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RegistryTreeModel</name>
    <message>
        <source>(no tags)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures, SBOMs and attestations of %1, from every source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>config</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no content)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::RepositoryTreePanel</name>
    <message>
        <source>Open repository…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter repositories and tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a registry to start browsing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading repositories of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the repository list was cancelled. Press F5 to try again, or open a repository by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not list its repositories (the catalog is not available: %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not list the repositories of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can still open a repository by name (Ctrl+O).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The catalog of %1 is empty. Open a repository by name if you know one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading tags of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the tags of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading manifest of %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the manifest of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::SbomPackagesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::SbomViewer</name>
    <message>
        <source>Filter packages (name, version, licence, purl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 packages, %3 with a licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (inside a %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the SBOM (%1 KiB)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a readable SBOM: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ocular::SupplyChainDock</name>
    <message>
        <source>Supply Chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers in tree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lazily loaded &quot;Referrers (n)&quot; node under every manifest of the repository tree (applies to manifests loaded from now on)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

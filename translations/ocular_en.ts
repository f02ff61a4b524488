<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ocular::AuditModel</name>
    <message numerus="yes">
        <source>%n listed referrer(s) do not name this manifest</source>
        <translation>
            <numerusform>%n listed referrer does not name this manifest</numerusform>
            <numerusform>%n listed referrers do not name this manifest</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::AuditPanel</name>
    <message numerus="yes">
        <source>; ⚠ %n stale attachment(s)</source>
        <translation>
            <numerusform>; ⚠ %n stale attachment</numerusform>
            <numerusform>; ⚠ %n stale attachments</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::CleanupCandidatesModel</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::CleanupDialog</name>
    <message numerus="yes">
        <source>%n thing(s) could not be read; the table holds the rest: %1</source>
        <translation>
            <numerusform>%n thing could not be read; the table holds the rest: %1</numerusform>
            <numerusform>%n things could not be read; the table holds the rest: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Found %n untagged manifest(s).</source>
        <translation>
            <numerusform>Found %n untagged manifest.</numerusform>
            <numerusform>Found %n untagged manifests.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are in use and never deleted.</source>
        <translation>
            <numerusform>%n of them is in use and never deleted.</numerusform>
            <numerusform>%n of them are in use and never deleted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The policy selects %n, freeing %1 once the registry collects garbage.</source>
        <translation>
            <numerusform>The policy selects %n, freeing %1 once the registry collects garbage.</numerusform>
            <numerusform>The policy selects %n, freeing %1 once the registry collects garbage.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1?</source>
        <translation>
            <numerusform>Delete %n manifest from %1?</numerusform>
            <numerusform>Delete %n manifests from %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n manifest(s)…</source>
        <translation>
            <numerusform>Deleting %n manifest…</numerusform>
            <numerusform>Deleting %n manifests…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n deleted (%1 reclaimable).</source>
        <translation>
            <numerusform>%n deleted (%1 reclaimable).</numerusform>
            <numerusform>%n deleted (%1 reclaimable).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n skipped.</numerusform>
            <numerusform>%n skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already gone.</source>
        <translation>
            <numerusform>%n already gone.</numerusform>
            <numerusform>%n already gone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n failed.</numerusform>
            <numerusform>%n failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not attempted.</source>
        <translation>
            <numerusform>%n not attempted.</numerusform>
            <numerusform>%n not attempted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s) were backed up to %1 first.</source>
        <translation>
            <numerusform>%n manifest was backed up to %1 first.</numerusform>
            <numerusform>%n manifests were backed up to %1 first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::InspectorPanel</name>
    <message numerus="yes">
        <source>%n manifest(s), %1 of manifests</source>
        <translation>
            <numerusform>%n manifest, %1 of manifests</numerusform>
            <numerusform>%n manifests, %1 of manifests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in config and %n layer(s)</source>
        <translation>
            <numerusform>in config and %n layer</numerusform>
            <numerusform>in config and %n layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::MainWindow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::PushArtifactDialog</name>
    <message numerus="yes">
        <source> · %n s left</source>
        <translation>
            <numerusform> · %n s left</numerusform>
            <numerusform> · %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hashing %n file(s)…</source>
        <translation>
            <numerusform>Hashing %n file…</numerusform>
            <numerusform>Hashing %n files…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersPanel</name>
    <message numerus="yes">
        <source> — %n warning(s)</source>
        <translation>
            <numerusform> — %n warning</numerusform>
            <numerusform> — %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (took %n s)</source>
        <translation>
            <numerusform> (took %n s)</numerusform>
            <numerusform> (took %n s)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RegistryTreeModel</name>
    <message numerus="yes">
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n subject</numerusform>
            <numerusform>%n subjects</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more invalid tag(s) not shown</source>
        <translation>
            <numerusform>%n more invalid tag not shown</numerusform>
            <numerusform>%n more invalid tags not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchDialog</name>
    <message numerus="yes">
        <source>%n match(es) in %1. Double-click one to show it in the tree.</source>
        <translation>
            <numerusform>%n match in %1. Double-click it to show it in the tree.</numerusform>
            <numerusform>%n matches in %1. Double-click one to show it in the tree.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchLoader</name>
    <message numerus="yes">
        <source>Reading every tag and manifest of %1… (%n request(s))</source>
        <translation>
            <numerusform>Reading every tag and manifest of %1… (%n request)</numerusform>
            <numerusform>Reading every tag and manifest of %1… (%n requests)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RepositoryTreePanel</name>
    <message numerus="yes">
        <source>%1 listed %n repository name(s) that are not valid; they are not shown.</source>
        <translation>
            <numerusform>%1 listed %n repository name that is not valid; it is not shown.</numerusform>
            <numerusform>%1 listed %n repository names that are not valid; they are not shown.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::TagHistoryDialog</name>
    <message numerus="yes">
        <source>%1: %n digest(s) seen.</source>
        <translation>
            <numerusform>%1: %n digest seen.</numerusform>
            <numerusform>%1: %n digests seen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are no longer current.</source>
        <translation>
            <numerusform>%n of them is no longer current.</numerusform>
            <numerusform>%n of them are no longer current.</numerusform>
        </translation>
    </message>
</context>
</TS>

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
</TS>

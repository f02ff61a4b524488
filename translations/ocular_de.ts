<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>CosignKeyChooser</name>
    <message>
        <source>Cannot read %1.</source>
        <translation>%1 kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Another key file…</source>
        <translation>Andere Schlüsseldatei…</translation>
    </message>
    <message>
        <source>Public Key for cosign Signatures</source>
        <translation>Öffentlicher Schlüssel für cosign-Signaturen</translation>
    </message>
    <message>
        <source>Verify cosign signatures with:</source>
        <translation>cosign-Signaturen prüfen mit:</translation>
    </message>
    <message>
        <source>PEM keys (*.pub *.pem);;All files (*)</source>
        <translation>PEM-Schlüssel (*.pub *.pem);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>Start a local demo registry with sample content.</source>
        <translation>Eine lokale Demo-Registry mit Beispielinhalten starten.</translation>
    </message>
    <message>
        <source>Open this registry (host or URL).</source>
        <translation>Diese Registry öffnen (Host oder URL).</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and quit.</source>
        <translation>Ein Bildschirmfoto des Fensters speichern und beenden.</translation>
    </message>
    <message>
        <source>Tree path to select before the screenshot, parts separated by &apos;&gt;&apos;.</source>
        <translation>Baumpfad, der vor dem Bildschirmfoto ausgewählt wird, Teile durch &apos;&gt;&apos; getrennt.</translation>
    </message>
    <message>
        <source>Inspector tab for the screenshot: json, raw, annotations.</source>
        <translation>Inspektor-Reiter für das Bildschirmfoto: json, raw, annotations.</translation>
    </message>
    <message>
        <source>Milliseconds to wait after selecting, before the screenshot.</source>
        <translation>Millisekunden Wartezeit nach der Auswahl, vor dem Bildschirmfoto.</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de or fr (overrides Preferences).</source>
        <translation>Sprache der Oberfläche für diesen Start: en, de oder fr (hat Vorrang vor den Einstellungen).</translation>
    </message>
    <message>
        <source>Measure how long the GUI thread is blocked and print p50/p99/max at exit (also OCULAR_STALL_REPORT=1).</source>
        <translation>Messen, wie lange der GUI-Thread blockiert ist, und beim Beenden p50/p99/max ausgeben (auch OCULAR_STALL_REPORT=1).</translation>
    </message>
    <message>
        <source>Browse OCI container registries.</source>
        <translation>OCI-Container-Registrys durchsuchen.</translation>
    </message>
    <message>
        <source>Cannot open %1: not a registry host or URL.</source>
        <translation>%1 kann nicht geöffnet werden: kein Registry-Host und keine URL.</translation>
    </message>
</context>
<context>
    <name>ocular::AboutDialog</name>
    <message>
        <source>About Ocular</source>
        <translation>Über Ocular</translation>
    </message>
    <message>
        <source>(development build)</source>
        <translation>(Entwicklungsversion)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ocular %1&lt;/h3&gt;&lt;p&gt;A native desktop browser for OCI container registries: repositories, tags, manifests, indexes, and the signatures, SBOMs and attestations that refer to them.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, Version 2.0: &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;https://www.apache.org/licenses/LICENSE-2.0&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ocular %1&lt;/h3&gt;&lt;p&gt;Ein nativer Desktop-Browser für OCI-Container-Registrys: Repositorys, Tags, Manifeste, Indizes sowie die Signaturen, SBOMs und Attestierungen, die auf sie verweisen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;&lt;p&gt;Lizenziert unter der Apache License, Version 2.0: &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;https://www.apache.org/licenses/LICENSE-2.0&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ocular::ActivityStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel what is loading (Esc)</source>
        <translation>Laufendes Laden abbrechen (Esc)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
</context>
<context>
    <name>ocular::AddRegistryDialog</name>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation>Unverschlüsseltes HTTP für diesen Nicht-Loopback-Host erlauben (unsicher)</translation>
    </message>
    <message>
        <source>Add Registry</source>
        <translation>Registry hinzufügen</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <source>Do not put credentials in the URL.</source>
        <translation>Keine Zugangsdaten in die URL schreiben.</translation>
    </message>
    <message>
        <source>Only the registry address goes here, e.g. %1. &quot;%2&quot; after it is not a repository name (lower-case path components separated by /).</source>
        <translation>Hier gehört nur die Adresse der Registry hin, z. B. %1. „%2“ danach ist kein Repository-Name (Pfadteile in Kleinbuchstaben, durch / getrennt).</translation>
    </message>
    <message>
        <source>Plain HTTP is used automatically only for localhost and other loopback addresses. A repository after the host (HOST/team/app) is opened once the registry is added.</source>
        <translation>Unverschlüsseltes HTTP wird automatisch nur für localhost und andere Loopback-Adressen verwendet. Ein Repository nach dem Host (HOST/team/app) wird geöffnet, sobald die Registry hinzugefügt ist.</translation>
    </message>
    <message>
        <source>Adds %1 and opens %2.</source>
        <translation>Fügt %1 hinzu und öffnet %2.</translation>
    </message>
    <message>
        <source>Advanced: TLS certificates</source>
        <translation>Erweitert: TLS-Zertifikate</translation>
    </message>
    <message>
        <source>TLS options apply to HTTPS registries only.</source>
        <translation>TLS-Optionen gelten nur für HTTPS-Registrys.</translation>
    </message>
</context>
<context>
    <name>ocular::AddTagDialog</name>
    <message>
        <source>Add Tag</source>
        <translation>Tag hinzufügen</translation>
    </message>
    <message>
        <source>Give this manifest another tag. Its bytes are written again under the new tag, so its digest does not change.</source>
        <translation>Diesem Manifest ein weiteres Tag geben. Seine Bytes werden unter dem neuen Tag erneut geschrieben, sein Digest ändert sich also nicht.</translation>
    </message>
    <message>
        <source>Manifest:</source>
        <translation>Manifest:</translation>
    </message>
    <message>
        <source>e.g. stable, v1.2.3</source>
        <translation>z. B. stable, v1.2.3</translation>
    </message>
    <message>
        <source>New &amp;tag:</source>
        <translation>Neues &amp;Tag:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag: letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, at most 128 characters, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>„%1“ ist kein gültiges Tag: Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;, höchstens 128 Zeichen, nicht mit &apos;.&apos; oder &apos;-&apos; am Anfang.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Tagging %1 as %2…</source>
        <translation>%1 wird als %2 getaggt…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Move Tag</source>
        <translation>Tag verschieben</translation>
    </message>
    <message>
        <source>Press Move Tag to move it anyway.</source>
        <translation>Drücken Sie „Tag verschieben“, um es trotzdem zu verschieben.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Nichts wurde geändert: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Moved %1 from %2 to %3.</source>
        <translation>%1 von %2 nach %3 verschoben.</translation>
    </message>
    <message>
        <source>%1 now names %2.</source>
        <translation>%1 benennt jetzt %2.</translation>
    </message>
</context>
<context>
    <name>ocular::AnnotationsModel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>ocular::AuditModel</name>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>Listed as referrers of this manifest, but they do not name it (not counted):
%1</source>
        <translation>Als Referrer dieses Manifests gelistet, aber sie benennen es nicht (nicht gezählt):
%1</translation>
    </message>
    <message numerus="yes">
        <source>%n listed referrer(s) do not name this manifest</source>
        <translation>
            <numerusform>%n gelisteter Referrer benennt dieses Manifest nicht</numerusform>
            <numerusform>%n gelistete Referrer benennen dieses Manifest nicht</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::AuditPanel</name>
    <message>
        <source>Audit Repository</source>
        <translation>Repository prüfen</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Verify with Key…</source>
        <translation>Mit Schlüssel prüfen…</translation>
    </message>
    <message>
        <source>All manifests</source>
        <translation>Alle Manifeste</translation>
    </message>
    <message>
        <source>Unsigned only</source>
        <translation>Nur unsignierte</translation>
    </message>
    <message>
        <source>Without SBOM</source>
        <translation>Ohne SBOM</translation>
    </message>
    <message>
        <source>Without provenance</source>
        <translation>Ohne Provenienz</translation>
    </message>
    <message>
        <source>Auditing %1: %2 of %3 tags…</source>
        <translation>Prüfe %1: %2 von %3 Tags…</translation>
    </message>
    <message>
        <source>Repository %1</source>
        <translation>Repository %1</translation>
    </message>
    <message>
        <source>Auditing %1…</source>
        <translation>Prüfe %1…</translation>
    </message>
    <message numerus="yes">
        <source>; ⚠ %n stale attachment(s)</source>
        <translation>
            <numerusform>; ⚠ %n veralteter Anhang</numerusform>
            <numerusform>; ⚠ %n veraltete Anhänge</numerusform>
        </translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Export Audit</source>
        <translation>Prüfung exportieren</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>Audit %1</source>
        <translation>Prüfung %1</translation>
    </message>
    <message>
        <source>Audit of %1 cancelled.</source>
        <translation>Prüfung von %1 abgebrochen.</translation>
    </message>
    <message>
        <source>, %1 failed verification</source>
        <translation>, %1 mit fehlgeschlagener Prüfung</translation>
    </message>
    <message>
        <source>%1: 1 tag</source>
        <translation>%1: 1 Tag</translation>
    </message>
    <message>
        <source>%1: %2 tags</source>
        <translation>%1: %2 Tags</translation>
    </message>
    <message>
        <source>, 1 distinct manifest</source>
        <translation>, 1 eindeutiges Manifest</translation>
    </message>
    <message>
        <source>, %1 distinct manifests</source>
        <translation>, %1 eindeutige Manifeste</translation>
    </message>
    <message>
        <source>, %1 unsigned</source>
        <translation>, %1 unsigniert</translation>
    </message>
</context>
<context>
    <name>ocular::CapabilitiesPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Fähigkeit</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Probed</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>Referrers API</source>
        <translation>Referrers-API</translation>
    </message>
    <message>
        <source>artifactType filtering</source>
        <translation>Filterung nach artifactType</translation>
    </message>
    <message>
        <source>Tag list pagination</source>
        <translation>Seitenweise Tag-Liste</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Katalog</translation>
    </message>
    <message>
        <source>Tag delete</source>
        <translation>Tag löschen</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>nicht geprüft</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupCandidatesModel</name>
    <message>
        <source>child of a tagged index</source>
        <translation>Kind eines getaggten Index</translation>
    </message>
    <message>
        <source>referrer of a live subject</source>
        <translation>Referrer eines lebenden Subjekts</translation>
    </message>
    <message>
        <source>orphaned referrer</source>
        <translation>verwaister Referrer</translation>
    </message>
    <message>
        <source>replaced fallback index</source>
        <translation>ersetzter Fallback-Index</translation>
    </message>
    <message>
        <source>dangling image</source>
        <translation>hängendes Image</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>bereits weg</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>nicht versucht</translation>
    </message>
    <message>
        <source>The manifest and the blobs nothing else uses, as their descriptors claim; freed once the registry collects garbage</source>
        <translation>Das Manifest und die Blobs, die nichts anderes nutzt, laut ihren Deskriptoren; frei, sobald die Registry die Garbage Collection ausführt</translation>
    </message>
    <message>
        <source>No age known: no created annotation, config date or tag history</source>
        <translation>Alter unbekannt: keine created-Annotation, kein Config-Datum, kein Tag-Verlauf</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>löschen</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Richtlinie</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Frees</source>
        <translation>Gibt frei</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Gefunden durch</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupDialog</name>
    <message>
        <source>&amp;Back up to an OCI layout first:</source>
        <translation>Vorher in ein OCI-Layout &amp;sichern:</translation>
    </message>
    <message>
        <source>&amp;Find Candidates</source>
        <translation>Kandidaten &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Delete Selected…</source>
        <translation>Auswahl &amp;löschen…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>Save &amp;Report…</source>
        <translation>&amp;Bericht speichern…</translation>
    </message>
    <message>
        <source>Clean Up %1</source>
        <translation>%1 aufräumen</translation>
    </message>
    <message>
        <source>Untagged manifests of &lt;b&gt;%1&lt;/b&gt;: what no tag reaches, found by reading every tag, Ocular&apos;s tag history and, when given, the registry&apos;s storage. Nothing is deleted until you confirm.</source>
        <translation>Manifeste ohne Tag in &lt;b&gt;%1&lt;/b&gt;: was kein Tag erreicht, gefunden durch das Lesen aller Tags, des Tag-Verlaufs von Ocular und, falls angegeben, des Speichers der Registry. Nichts wird gelöscht, bevor Sie bestätigen.</translation>
    </message>
    <message>
        <source>optional: docker-registry&apos;s filesystem storage root (read only, never written)</source>
        <translation>optional: Wurzel des Dateisystem-Speichers von docker-registry (nur gelesen, nie geschrieben)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>Registry s&amp;torage:</source>
        <translation>Registry-Speic&amp;her:</translation>
    </message>
    <message>
        <source>Policy (what the table marks for deletion)</source>
        <translation>Richtlinie (was die Tabelle zum Löschen markiert)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>L&amp;aden…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>a folder: an OCI image layout (index.json, blobs/)</source>
        <translation>ein Ordner: ein OCI-Image-Layout (index.json, blobs/)</translation>
    </message>
    <message>
        <source>Filter rows (digest, class, source, why…)</source>
        <translation>Zeilen filtern (Digest, Klasse, Quelle, Grund…)</translation>
    </message>
    <message>
        <source>Start no new delete until resumed (those in flight finish)</source>
        <translation>Keine neue Löschung beginnen, bis fortgesetzt wird (laufende werden beendet)</translation>
    </message>
    <message>
        <source>Stop now: a delete in flight finishes, the rest is not attempted</source>
        <translation>Jetzt stoppen: eine laufende Löschung wird beendet, der Rest nicht versucht</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <source>Press Find Candidates to read the repository (reads only).</source>
        <translation>Drücken Sie „Kandidaten finden“, um das Repository zu lesen (nur lesend).</translation>
    </message>
    <message>
        <source>Reading the tag history…</source>
        <translation>Tag-Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Reading the tag history and the storage…</source>
        <translation>Tag-Verlauf und Speicher werden gelesen…</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Kann nicht beginnen: %1</translation>
    </message>
    <message>
        <source>Reading every tag of %1 and what it reaches, then each digest only the history or the storage names…</source>
        <translation>Alle Tags von %1 und was sie erreichen werden gelesen, dann jeder Digest, den nur der Verlauf oder der Speicher nennt…</translation>
    </message>
    <message>
        <source>Stopped: nothing was found, nothing was changed.</source>
        <translation>Gestoppt: nichts gefunden, nichts geändert.</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>Die Suche ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) could not be read; the table holds the rest: %1</source>
        <translation>
            <numerusform>%n Eintrag konnte nicht gelesen werden; die Tabelle enthält den Rest: %1</numerusform>
            <numerusform>%n Einträge konnten nicht gelesen werden; die Tabelle enthält den Rest: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: nothing was deleted. Review the table, then Delete Selected…</source>
        <translation>Probelauf: nichts wurde gelöscht. Prüfen Sie die Tabelle, dann „Auswahl löschen…“</translation>
    </message>
    <message numerus="yes">
        <source>Found %n untagged manifest(s).</source>
        <translation>
            <numerusform>%n Manifest ohne Tag gefunden.</numerusform>
            <numerusform>%n Manifeste ohne Tag gefunden.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are in use and never deleted.</source>
        <translation>
            <numerusform>%n davon ist in Gebrauch und wird nie gelöscht.</numerusform>
            <numerusform>%n davon sind in Gebrauch und werden nie gelöscht.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The policy selects %n, freeing %1 once the registry collects garbage.</source>
        <translation>
            <numerusform>Die Richtlinie wählt %n aus, das %1 freigibt, sobald die Registry die Garbage Collection ausführt.</numerusform>
            <numerusform>Die Richtlinie wählt %n aus, die %1 freigeben, sobald die Registry die Garbage Collection ausführt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy selects nothing until its problem is fixed.</source>
        <translation>Die Richtlinie wählt nichts aus, bis ihr Problem behoben ist.</translation>
    </message>
    <message>
        <source>Delete Untagged Manifests</source>
        <translation>Manifeste ohne Tag löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1?</source>
        <translation>
            <numerusform>%n Manifest aus %1 löschen?</numerusform>
            <numerusform>%n Manifeste aus %1 löschen?</numerusform>
        </translation>
    </message>
    <message>
        <source>Together they free %1 once the registry collects garbage.</source>
        <translation>Zusammen geben sie %1 frei, sobald die Registry die Garbage Collection ausführt.</translation>
    </message>
    <message>
        <source>Each is checked again just before it is deleted, and skipped if a tag names it by then.</source>
        <translation>Jedes wird direkt vor dem Löschen erneut geprüft und übersprungen, wenn es bis dahin ein Tag nennt.</translation>
    </message>
    <message>
        <source>They are copied to the OCI layout %1 and read back first.</source>
        <translation>Sie werden zuerst in das OCI-Layout %1 kopiert und zurückgelesen.</translation>
    </message>
    <message>
        <source>There is no backup: this cannot be undone.</source>
        <translation>Es gibt keine Sicherung: Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n manifest(s)…</source>
        <translation>
            <numerusform>%n Manifest wird gelöscht…</numerusform>
            <numerusform>%n Manifeste werden gelöscht…</numerusform>
        </translation>
    </message>
    <message>
        <source>The run failed before deleting anything: %1</source>
        <translation>Der Lauf ist fehlgeschlagen, bevor etwas gelöscht wurde: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted (%1 reclaimable).</source>
        <translation>
            <numerusform>%n gelöscht (%1 rückgewinnbar).</numerusform>
            <numerusform>%n gelöscht (%1 rückgewinnbar).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n übersprungen.</numerusform>
            <numerusform>%n übersprungen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already gone.</source>
        <translation>
            <numerusform>%n bereits weg.</numerusform>
            <numerusform>%n bereits weg.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n fehlgeschlagen.</numerusform>
            <numerusform>%n fehlgeschlagen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not attempted.</source>
        <translation>
            <numerusform>%n nicht versucht.</numerusform>
            <numerusform>%n nicht versucht.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was stopped.</source>
        <translation>Der Lauf wurde gestoppt.</translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s) were backed up to %1 first.</source>
        <translation>
            <numerusform>%n Manifest wurde zuvor nach %1 gesichert.</numerusform>
            <numerusform>%n Manifeste wurden zuvor nach %1 gesichert.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>There is no run to report on yet.</source>
        <translation>Es gibt noch keinen Lauf, über den berichtet werden kann.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Stopped: the Cleanup window was closed.</source>
        <translation>Gestoppt: Das Aufräumen-Fenster wurde geschlossen.</translation>
    </message>
    <message>
        <source>Choose the backup folder first</source>
        <translation>Wählen Sie zuerst den Sicherungsordner</translation>
    </message>
    <message>
        <source>Registry Storage Root</source>
        <translation>Wurzel des Registry-Speichers</translation>
    </message>
    <message>
        <source>Back Up To</source>
        <translation>Sichern nach</translation>
    </message>
    <message>
        <source>Load Cleanup Policy</source>
        <translation>Aufräum-Richtlinie laden</translation>
    </message>
    <message>
        <source>Cleanup policies (*.json)</source>
        <translation>Aufräum-Richtlinien (*.json)</translation>
    </message>
    <message>
        <source>Save Cleanup Policy</source>
        <translation>Aufräum-Richtlinie speichern</translation>
    </message>
    <message>
        <source>Save Cleanup Report</source>
        <translation>Aufräum-Bericht speichern</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV report (*.csv)</source>
        <translation>JSON-Bericht (*.json);;CSV-Bericht (*.csv)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>&amp;Weiter</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupPolicyForm</name>
    <message>
        <source>&amp;Orphaned referrers</source>
        <translation>&amp;Verwaiste Referrer</translation>
    </message>
    <message>
        <source>&amp;Unknown</source>
        <translation>Unbe&amp;kannte</translation>
    </message>
    <message>
        <source>Untagged manifests nothing explains: only selected when ticked</source>
        <translation>Manifeste ohne Tag, die nichts erklärt: nur ausgewählt, wenn angekreuzt</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>jedes Alter</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>A manifest whose age is unknown never qualifies once this is set</source>
        <translation>Ein Manifest unbekannten Alters kommt nie in Frage, sobald dies gesetzt ist</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>jede Größe</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>any; e.g. application/vnd.example.*, application/spdx+json</source>
        <translation>alle; z. B. application/vnd.example.*, application/spdx+json</translation>
    </message>
    <message>
        <source>any; e.g. org.example.team=web, org.opencontainers.image.source~^https://</source>
        <translation>alle; z. B. org.example.team=web, org.opencontainers.image.source~^https://</translation>
    </message>
    <message>
        <source>Delete:</source>
        <translation>Löschen:</translation>
    </message>
    <message>
        <source>Artifact t&amp;ypes:</source>
        <translation>Artefakt-T&amp;ypen:</translation>
    </message>
    <message>
        <source>A&amp;nnotations:</source>
        <translation>A&amp;nnotationen:</translation>
    </message>
    <message>
        <source>Tick at least one class to delete.</source>
        <translation>Kreuzen Sie mindestens eine Klasse zum Löschen an.</translation>
    </message>
    <message>
        <source>Dan&amp;gling images</source>
        <translation>Hän&amp;gende Images</translation>
    </message>
    <message>
        <source>Replaced fallback inde&amp;xes</source>
        <translation>Ersetzte Fallback-Indi&amp;zes</translation>
    </message>
    <message>
        <source>Older t&amp;han:</source>
        <translation>Ält&amp;er als:</translation>
    </message>
    <message>
        <source>Fr&amp;ees at least:</source>
        <translation>Gibt &amp;mindestens frei:</translation>
    </message>
</context>
<context>
    <name>ocular::ContentView</name>
    <message>
        <source>Formatting…</source>
        <translation>Formatiere…</translation>
    </message>
</context>
<context>
    <name>ocular::CopyToDialog</name>
    <message>
        <source>Copy what refers to it too (signatures, SBOMs, attestations), recursively</source>
        <translation>Auch kopieren, was darauf verweist (Signaturen, SBOMs, Attestierungen), rekursiv</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy To</source>
        <translation>Kopieren nach</translation>
    </message>
    <message>
        <source>Copies byte for byte: every digest is kept; blobs are mounted when the destination is another repository of the same registry.</source>
        <translation>Kopiert Byte für Byte: Jeder Digest bleibt erhalten; Blobs werden eingehängt (Mount), wenn das Ziel ein anderes Repository derselben Registry ist.</translation>
    </message>
    <message>
        <source>none: by digest only</source>
        <translation>keins: nur per Digest</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Von:</translation>
    </message>
    <message>
        <source>To &amp;registry:</source>
        <translation>Nach &amp;Registry:</translation>
    </message>
    <message>
        <source>R&amp;epository:</source>
        <translation>R&amp;epository:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>What the copy did appears here.</source>
        <translation>Was die Kopie bewirkt hat, erscheint hier.</translation>
    </message>
    <message>
        <source>Name the destination registry (host[:port] or a URL).</source>
        <translation>Geben Sie die Ziel-Registry an (host[:port] oder eine URL).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid repository name (lower-case path components separated by &apos;/&apos;).</source>
        <translation>„%1“ ist kein gültiger Repository-Name (Pfadteile in Kleinbuchstaben, durch &apos;/&apos; getrennt).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag.</source>
        <translation>„%1“ ist kein gültiges Tag.</translation>
    </message>
    <message>
        <source>That is where it already is: choose another repository, registry or tag.</source>
        <translation>Dort ist es bereits: Wählen Sie ein anderes Repository, eine andere Registry oder ein anderes Tag.</translation>
    </message>
    <message>
        <source>No other registry is open.</source>
        <translation>Keine andere Registry ist geöffnet.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Copying to %1/%2…</source>
        <translation>Kopiere nach %1/%2…</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest: %1</translation>
    </message>
    <message>
        <source>Manifests: %1 written, %2 of them referrers</source>
        <translation>Manifeste: %1 geschrieben, davon %2 Referrer</translation>
    </message>
    <message>
        <source>Blobs: %1 sent (%2), %3 mounted, %4 already there</source>
        <translation>Blobs: %1 gesendet (%2), %3 eingehängt, %4 bereits vorhanden</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancelled. What was already sent stays in the destination, untagged; the tag was not written.</source>
        <translation>Abgebrochen. Was bereits gesendet wurde, bleibt ohne Tag im Ziel; das Tag wurde nicht geschrieben.</translation>
    </message>
    <message>
        <source>The copy failed: %1</source>
        <translation>Das Kopieren ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Copied to %1/%2@%3.</source>
        <translation>Nach %1/%2@%3 kopiert.</translation>
    </message>
    <message>
        <source>Copied to %1/%2:%3.</source>
        <translation>Nach %1/%2:%3 kopiert.</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPlanLoader</name>
    <message>
        <source>The registry is no longer open.</source>
        <translation>Die Registry ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Resolving %1:%2…</source>
        <translation>Löse %1:%2 auf…</translation>
    </message>
    <message>
        <source>Could not resolve the tag %1: %2</source>
        <translation>Das Tag %1 konnte nicht aufgelöst werden: %2</translation>
    </message>
    <message>
        <source>Could not read the manifest %1: %2</source>
        <translation>Das Manifest %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Could not read the repository %1: %2</source>
        <translation>Das Repository %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Reading every tag and manifest of %1 to see what the delete touches…</source>
        <translation>Lese alle Tags und Manifeste von %1, um zu sehen, was das Löschen betrifft…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1…</translation>
    </message>
    <message>
        <source>Working out what the delete does…</source>
        <translation>Ermittle, was das Löschen bewirkt…</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPlanTree</name>
    <message>
        <source>manifest (not read)</source>
        <translation>Manifest (nicht gelesen)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Manifest deleted by digest</source>
        <translation>Per Digest gelöschtes Manifest</translation>
    </message>
    <message>
        <source>%1 manifests deleted by digest, in this order</source>
        <translation>%1 per Digest gelöschte Manifeste, in dieser Reihenfolge</translation>
    </message>
    <message>
        <source> — referrer of %1 (%2)</source>
        <translation> — Referrer von %1 (%2)</translation>
    </message>
    <message>
        <source> — known by its digest only</source>
        <translation> — nur per Digest bekannt</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>goes with it</source>
        <translation>wird mit entfernt</translation>
    </message>
    <message>
        <source>Tags removed: none (nothing tags these manifests)</source>
        <translation>Entfernte Tags: keine (kein Tag benennt diese Manifeste)</translation>
    </message>
    <message>
        <source>Tags removed (%1): a delete by digest removes every tag on it</source>
        <translation>Entfernte Tags (%1): Ein Löschen per Digest entfernt jedes Tag darauf</translation>
    </message>
    <message>
        <source>Indexes that break (%1): they stay and name a deleted manifest</source>
        <translation>Indizes, die brechen (%1): Sie bleiben und benennen ein gelöschtes Manifest</translation>
    </message>
    <message>
        <source>untagged index</source>
        <translation>Index ohne Tag</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>Tags: %1</translation>
    </message>
    <message>
        <source>entry that would be gone</source>
        <translation>Eintrag, der wegfiele</translation>
    </message>
    <message>
        <source>Referrers left without their subject (%1)</source>
        <translation>Referrer, die ihr Subjekt verlieren (%1)</translation>
    </message>
    <message>
        <source>referrer of %1 (%2)</source>
        <translation>Referrer von %1 (%2)</translation>
    </message>
    <message>
        <source>; tags: %1</source>
        <translation>; Tags: %1</translation>
    </message>
    <message>
        <source>Fallback index entries removed (%1)</source>
        <translation>Entfernte Einträge im Fallback-Index (%1)</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <source> (not seen listed; checked anyway)</source>
        <translation> (nicht gelistet gesehen; trotzdem geprüft)</translation>
    </message>
    <message>
        <source> (no such tag now; checked anyway)</source>
        <translation> (dieses Tag gibt es jetzt nicht; trotzdem geprüft)</translation>
    </message>
    <message>
        <source>Fallback tags left empty, and deleted (%1)</source>
        <translation>Fallback-Tags, die leer bleiben und gelöscht werden (%1)</translation>
    </message>
    <message>
        <source>its index loses its last entry</source>
        <translation>sein Index verliert seinen letzten Eintrag</translation>
    </message>
    <message>
        <source>Entries of deleted indexes that stay (%1)</source>
        <translation>Einträge gelöschter Indizes, die bleiben (%1)</translation>
    </message>
    <message>
        <source>left untagged</source>
        <translation>bleibt ohne Tag</translation>
    </message>
    <message>
        <source>still tagged</source>
        <translation>hat noch ein Tag</translation>
    </message>
    <message>
        <source>Listed as referrers but kept (%1)</source>
        <translation>Als Referrer gelistet, aber behalten (%1)</translation>
    </message>
    <message>
        <source>Not seen (%1)</source>
        <translation>Nicht gesehen (%1)</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPreviewDialog</name>
    <message>
        <source>1 tag</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 Tags</translation>
    </message>
    <message>
        <source>1 manifest</source>
        <translation>1 Manifest</translation>
    </message>
    <message>
        <source>%1 manifests</source>
        <translation>%1 Manifeste</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Delete from %1</source>
        <translation>Aus %1 löschen</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>A manifest is deleted by its digest, and every tag naming it goes with it. Nothing is changed until you press the delete button; the plan is checked against the registry again just before.</source>
        <translation>Ein Manifest wird per Digest gelöscht, und jedes Tag, das es benennt, wird mit entfernt. Nichts wird geändert, bevor Sie die Löschen-Schaltfläche drücken; der Plan wird kurz davor erneut mit der Registry abgeglichen.</translation>
    </message>
    <message>
        <source>The registry was closed during the delete; what it had already accepted stays done.</source>
        <translation>Die Registry wurde während des Löschens geschlossen; was sie bereits angenommen hatte, bleibt erledigt.</translation>
    </message>
    <message>
        <source>The registry was closed; nothing was changed.</source>
        <translation>Die Registry wurde geschlossen; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Delete manifest</source>
        <translation>Manifest löschen</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>Delete %1@%2</source>
        <translation>%1@%2 löschen</translation>
    </message>
    <message>
        <source>Also delete the referrers (signatures, SBOMs…) and theirs, recursively</source>
        <translation>Auch die Referrer (Signaturen, SBOMs…) und deren Referrer löschen, rekursiv</translation>
    </message>
    <message>
        <source>Also delete the referrer (signature, SBOM…) and its own, recursively</source>
        <translation>Auch den Referrer (Signatur, SBOM…) und dessen Referrer löschen, rekursiv</translation>
    </message>
    <message>
        <source>Also delete the %1 referrers (signatures, SBOMs…) and theirs, recursively</source>
        <translation>Auch die %1 Referrer (Signaturen, SBOMs…) und deren Referrer löschen, rekursiv</translation>
    </message>
    <message>
        <source>Delete anyway, and break the index listed above</source>
        <translation>Trotzdem löschen und den oben gelisteten Index brechen</translation>
    </message>
    <message>
        <source>Delete anyway, and break the %1 indexes listed above</source>
        <translation>Trotzdem löschen und die %1 oben gelisteten Indizes brechen</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Abgelehnt: %1</translation>
    </message>
    <message>
        <source>Tick “Delete anyway” to delete it regardless.</source>
        <translation>Setzen Sie das Häkchen bei „Trotzdem löschen“, um es dennoch zu löschen.</translation>
    </message>
    <message>
        <source>Review what goes, then press “%1”.</source>
        <translation>Prüfen Sie, was wegfällt, und drücken Sie dann „%1“.</translation>
    </message>
    <message>
        <source>%1
Nothing was changed.</source>
        <translation>%1
Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>The registry is no longer open; nothing was changed.</source>
        <translation>Die Registry ist nicht mehr geöffnet; nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Checking that the registry still matches the plan…</source>
        <translation>Prüfe, ob die Registry noch zum Plan passt…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Schritt %1 von %2</translation>
    </message>
    <message>
        <source>The delete could not run: %1</source>
        <translation>Das Löschen konnte nicht ausgeführt werden: %1</translation>
    </message>
    <message>
        <source>Deleted %1 and %2 from %3.</source>
        <translation>%1 und %2 aus %3 gelöscht.</translation>
    </message>
    <message>
        <source>%1 was already gone (deleted by someone else meanwhile).</source>
        <translation>%1 war bereits weg (inzwischen von jemand anderem gelöscht).</translation>
    </message>
    <message>
        <source>Fallback tag %1 was not updated: %2</source>
        <translation>Das Fallback-Tag %1 wurde nicht aktualisiert: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>kein Grund angegeben</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>Nichts wurde gelöscht: %1</translation>
    </message>
    <message>
        <source>The delete stopped after %1 of %2: %3</source>
        <translation>Das Löschen hat nach %1 von %2 angehalten: %3</translation>
    </message>
    <message>
        <source>tag %1 is gone</source>
        <translation>Tag %1 ist weg</translation>
    </message>
    <message>
        <source>tag %1 appeared on %2</source>
        <translation>Tag %1 ist auf %2 aufgetaucht</translation>
    </message>
    <message>
        <source>tag %1 moved from %2 to %3</source>
        <translation>Tag %1 wurde von %2 nach %3 verschoben</translation>
    </message>
    <message>
        <source>The registry changed since the plan was made (%1), so nothing was deleted. Below is the plan made again from the registry as it is now: review it before deleting.</source>
        <translation>Die Registry hat sich seit der Erstellung des Plans geändert (%1), daher wurde nichts gelöscht. Unten steht der Plan, neu erstellt aus dem jetzigen Zustand der Registry: Prüfen Sie ihn vor dem Löschen.</translation>
    </message>
    <message>
        <source>a tag moved</source>
        <translation>ein Tag wurde verschoben</translation>
    </message>
    <message>
        <source>Refused: nothing was sent to the registry. %1</source>
        <translation>Abgelehnt: Nichts wurde an die Registry gesendet. %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Abgebrochen: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Cancelled. Deletes the registry already accepted stay done; the tree is read again to show what is left.</source>
        <translation>Abgebrochen. Löschvorgänge, die die Registry bereits angenommen hat, bleiben erledigt; der Baum wird neu gelesen, um zu zeigen, was übrig ist.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Lösche…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>ocular::DemoSession</name>
    <message>
        <source>Seeding demo content… (%1 of %2: %3)</source>
        <translation>Demo-Inhalte werden eingespielt… (%1 von %2: %3)</translation>
    </message>
    <message>
        <source>The demo registry stopped unexpectedly: %1</source>
        <translation>Die Demo-Registry wurde unerwartet beendet: %1</translation>
    </message>
    <message>
        <source>Starting demo registry…</source>
        <translation>Demo-Registry wird gestartet…</translation>
    </message>
    <message>
        <source>The demo registry did not start: %1</source>
        <translation>Die Demo-Registry ist nicht gestartet: %1</translation>
    </message>
    <message>
        <source>Seeding demo content…</source>
        <translation>Demo-Inhalte werden eingespielt…</translation>
    </message>
    <message>
        <source>Seeding the demo registry failed: %1</source>
        <translation>Das Einspielen in die Demo-Registry ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Preparing the demo registry: pushing its content (step %1 of %2: %3). It opens here when done.</source>
        <translation>Die Demo-Registry wird vorbereitet: Ihre Inhalte werden gepusht (Schritt %1 von %2: %3). Sie öffnet sich hier, wenn sie fertig ist.</translation>
    </message>
    <message>
        <source>Starting the demo registry…</source>
        <translation>Die Demo-Registry wird gestartet…</translation>
    </message>
    <message>
        <source>Preparing the demo registry: pushing its content…</source>
        <translation>Die Demo-Registry wird vorbereitet: Ihre Inhalte werden gepusht…</translation>
    </message>
    <message>
        <source>Demo registry key</source>
        <translation>Schlüssel der Demo-Registry</translation>
    </message>
</context>
<context>
    <name>ocular::InspectorPanel</name>
    <message>
        <source>Repository</source>
        <translation>Repository</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referenz</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Medientyp</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Gesamtgröße</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Roh</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Nichts ausgewählt</translation>
    </message>
    <message>
        <source>Select a tag, a platform, a config or a layer to inspect it.</source>
        <translation>Wählen Sie ein Tag, eine Plattform, eine Config oder einen Layer aus, um es zu untersuchen.</translation>
    </message>
    <message>
        <source>Repository %1. Expand it to see its tags; select a tag to see its manifest.</source>
        <translation>Repository %1. Klappen Sie es auf, um seine Tags zu sehen; wählen Sie ein Tag aus, um sein Manifest zu sehen.</translation>
    </message>
    <message>
        <source>Loading manifest…</source>
        <translation>Lade Manifest…</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>descriptor</source>
        <translation>Deskriptor</translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s), %1 of manifests</source>
        <translation>
            <numerusform>%n Manifest, %1 der Manifeste</numerusform>
            <numerusform>%n Manifeste, %1 der Manifeste</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in config and %n layer(s)</source>
        <translation>
            <numerusform>in Config und %n Layer</numerusform>
            <numerusform>in Config und %n Layern</numerusform>
        </translation>
    </message>
    <message>
        <source>This blob is %1; only blobs up to %2 are previewed.</source>
        <translation>Dieser Blob ist %1 groß; nur Blobs bis %2 werden in der Vorschau gezeigt.</translation>
    </message>
    <message>
        <source>Loading config…</source>
        <translation>Lade Config…</translation>
    </message>
    <message>
        <source>Loading config %1…</source>
        <translation>Lade Config %1…</translation>
    </message>
    <message>
        <source>Could not load the config: %1</source>
        <translation>Die Config konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>The content of this %1 blob is not previewed (%2).</source>
        <translation>Der Inhalt dieses %1-Blobs wird nicht in der Vorschau gezeigt (%2).</translation>
    </message>
    <message>
        <source>Loading blob %1…</source>
        <translation>Lade Blob %1…</translation>
    </message>
    <message>
        <source>Could not load the blob: %1</source>
        <translation>Der Blob konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Öffne %1…</translation>
    </message>
    <message>
        <source>Loading %1@%2…</source>
        <translation>Lade %1@%2…</translation>
    </message>
    <message>
        <source>Blob: %1</source>
        <translation>Blob: %1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Loading was cancelled. Select it again or press F5 to retry.</source>
        <translation>Das Laden wurde abgebrochen. Wählen Sie es erneut aus oder drücken Sie F5, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Tags that hold signatures, SBOMs, attestations and referrers indexes, grouped by the manifest they belong to. Select one to inspect it; View ▸ Group Attachment Tags lists them with the other tags.</source>
        <translation>Tags mit Signaturen, SBOMs, Attestierungen und Referrer-Indizes, gruppiert nach dem Manifest, zu dem sie gehören. Wählen Sie eines aus, um es zu untersuchen; Ansicht ▸ Anhang-Tags gruppieren listet sie bei den anderen Tags.</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
</context>
<context>
    <name>ocular::KeyboardShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Filter by action, menu or key</source>
        <translation>Nach Aktion, Menü oder Taste filtern</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Works in</source>
        <translation>Gilt in</translation>
    </message>
</context>
<context>
    <name>ocular::KeychainCredentialSource</name>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>The OS keychain could not be read: %1</source>
        <translation>Der Schlüsselbund des Systems konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>The OS keychain did not answer: %1</source>
        <translation>Der Schlüsselbund des Systems hat nicht geantwortet: %1</translation>
    </message>
    <message>
        <source>The OS keychain could not save the credentials: %1</source>
        <translation>Der Schlüsselbund des Systems konnte die Zugangsdaten nicht speichern: %1</translation>
    </message>
    <message>
        <source>The OS keychain could not remove the credentials: %1</source>
        <translation>Der Schlüsselbund des Systems konnte die Zugangsdaten nicht entfernen: %1</translation>
    </message>
    <message>
        <source>no reply within %1 seconds</source>
        <translation>keine Antwort innerhalb von %1 Sekunden</translation>
    </message>
</context>
<context>
    <name>ocular::LoginDialog</name>
    <message>
        <source>This is an identity (refresh) token, not a password</source>
        <translation>Dies ist ein Identitäts-Token (Refresh-Token), kein Passwort</translation>
    </message>
    <message>
        <source>Only for this session</source>
        <translation>Nur für diese Sitzung</translation>
    </message>
    <message>
        <source>In the system keychain</source>
        <translation>Im Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Log In</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (none is configured)</source>
        <translation>Mit dem Credential-Helper von docker (keiner konfiguriert)</translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (docker-credential-%1)</source>
        <translation>Mit dem Credential-Helper von docker (docker-credential-%1)</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>Passwort oder Token:</translation>
    </message>
    <message>
        <source>Remember the credentials</source>
        <translation>Zugangsdaten merken</translation>
    </message>
    <message>
        <source>Ocular never writes credentials to its settings or to plain files.</source>
        <translation>Ocular schreibt Zugangsdaten nie in seine Einstellungen oder in einfache Dateien.</translation>
    </message>
    <message>
        <source>Enter the password or token.</source>
        <translation>Geben Sie das Passwort oder Token ein.</translation>
    </message>
    <message>
        <source>Enter the username (only identity tokens work without one).</source>
        <translation>Geben Sie den Benutzernamen ein (nur Identitäts-Token funktionieren ohne).</translation>
    </message>
    <message>
        <source>A username cannot contain &apos;:&apos;.</source>
        <translation>Ein Benutzername darf kein &apos;:&apos; enthalten.</translation>
    </message>
    <message>
        <source>login dialog (this session)</source>
        <translation>Anmeldedialog (diese Sitzung)</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
    <message>
        <source>credential helper docker-credential-%1</source>
        <translation>Credential-Helper docker-credential-%1</translation>
    </message>
</context>
<context>
    <name>ocular::MainWindow</name>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Fügen Sie zuerst eine Registry hinzu oder wählen Sie eine aus.</translation>
    </message>
    <message>
        <source>Open Repository</source>
        <translation>Repository öffnen</translation>
    </message>
    <message>
        <source>The digest of this node is not known yet.</source>
        <translation>Der Digest dieses Knotens ist noch nicht bekannt.</translation>
    </message>
    <message>
        <source>Select a repository, tag or manifest first.</source>
        <translation>Wählen Sie zuerst ein Repository, ein Tag oder ein Manifest aus.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n Zeile nach %1 exportiert</numerusform>
            <numerusform>%n Zeilen nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a registry before pushing.</source>
        <translation>Öffnen Sie eine Registry, bevor Sie pushen.</translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation>%1 nach %2 gepusht</translation>
    </message>
    <message>
        <source>Repository, tag or digest in %1
(team/service, team/service:v1 or team/service@sha256:…):</source>
        <translation>Repository, Tag oder Digest in %1
(team/service, team/service:v1 oder team/service@sha256:…):</translation>
    </message>
    <message>
        <source>Search stopped: %1 was selected.</source>
        <translation>Suche gestoppt: %1 wurde ausgewählt.</translation>
    </message>
    <message>
        <source>Search stopped: another registry was opened.</source>
        <translation>Suche gestoppt: Eine andere Registry wurde geöffnet.</translation>
    </message>
    <message>
        <source>Registry not added: %1</source>
        <translation>Registry nicht hinzugefügt: %1</translation>
    </message>
    <message>
        <source>Select a repository to search in first.</source>
        <translation>Wählen Sie zuerst ein Repository zum Durchsuchen aus.</translation>
    </message>
    <message>
        <source>Open OCI Layout</source>
        <translation>OCI-Layout öffnen</translation>
    </message>
    <message>
        <source>Cannot open %1 as an OCI layout: %2</source>
        <translation>%1 kann nicht als OCI-Layout geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Select a repository to clean up first.</source>
        <translation>Wählen Sie zuerst ein Repository zum Aufräumen.</translation>
    </message>
    <message>
        <source>Cleanup works on registries: an OCI layout is a folder, delete from it with its own tools.</source>
        <translation>Aufräumen gibt es für Registrys: Ein OCI-Layout ist ein Ordner, löschen Sie darin mit dessen eigenen Werkzeugen.</translation>
    </message>
    <message>
        <source>Cleanup deleted manifests of %1.</source>
        <translation>Das Aufräumen hat Manifeste von %1 gelöscht.</translation>
    </message>
    <message>
        <source>Select a tag or a repository first.</source>
        <translation>Wählen Sie zuerst ein Tag oder ein Repository.</translation>
    </message>
    <message>
        <source>Ocular records the tags of registries, not of OCI layouts.</source>
        <translation>Ocular zeichnet die Tags von Registrys auf, nicht die von OCI-Layouts.</translation>
    </message>
</context>
<context>
    <name>ocular::MainWindowActions</name>
    <message>
        <source>&amp;Add Registry…</source>
        <translation>Registry &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Open Repository…</source>
        <translation>Repository ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>Laden a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>&amp;Referenz kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Digest Reference</source>
        <translation>&amp;Digest-Referenz kopieren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Push Artifact…</source>
        <translation>Artefakt &amp;pushen…</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>Dateien &amp;anhängen…</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>&amp;Tag hinzufügen…</translation>
    </message>
    <message>
        <source>Cop&amp;y To…</source>
        <translation>Kop&amp;ieren nach…</translation>
    </message>
    <message>
        <source>Re&amp;move Tag…</source>
        <translation>Ta&amp;g entfernen…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Supply Chain</source>
        <translation>&amp;Lieferkette</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Ocular</source>
        <translation>Ü&amp;ber Ocular</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>&amp;Group Attachment Tags</source>
        <translation>Anhang-Tags &amp;gruppieren</translation>
    </message>
    <message>
        <source>List sha256-… fallback tags and cosign .sig/.att/.sbom tags in an Attachments group under their subject, away from the other tags</source>
        <translation>sha256-…-Fallback-Tags und cosign-Tags .sig/.att/.sbom in einer Gruppe „Anhänge“ unter ihrem Subjekt listen, getrennt von den anderen Tags</translation>
    </message>
    <message>
        <source>&amp;Find in Repository…</source>
        <translation>Im Repository &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Open OCI &amp;Layout…</source>
        <translation>OCI-&amp;Layout öffnen…</translation>
    </message>
    <message>
        <source>Clean &amp;Up Repository…</source>
        <translation>Repository a&amp;ufräumen…</translation>
    </message>
    <message>
        <source>Tag &amp;History…</source>
        <translation>Tag-&amp;Verlauf…</translation>
    </message>
</context>
<context>
    <name>ocular::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Disk cache limit:</source>
        <translation>Grenze des Festplatten-Caches:</translation>
    </message>
    <message>
        <source>Manifests and blobs fetched by digest are kept on disk up to this size; the least recently used go first.</source>
        <translation>Per Digest geladene Manifeste und Blobs werden bis zu dieser Größe auf der Festplatte behalten; die am längsten nicht genutzten gehen zuerst.</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Belegt:</translation>
    </message>
    <message>
        <source>no disk cache in this session</source>
        <translation>kein Festplatten-Cache in dieser Sitzung</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>wird gemessen…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>A new language takes effect after a restart.</source>
        <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
    </message>
</context>
<context>
    <name>ocular::PushArtifactDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message numerus="yes">
        <source> · %n s left</source>
        <translation>
            <numerusform> · noch %n s</numerusform>
            <numerusform> · noch %n s</numerusform>
        </translation>
    </message>
    <message>
        <source>SPDX SBOM</source>
        <translation>SPDX-SBOM</translation>
    </message>
    <message>
        <source>CycloneDX SBOM</source>
        <translation>CycloneDX-SBOM</translation>
    </message>
    <message>
        <source>in-toto attestation</source>
        <translation>in-toto-Attestierung</translation>
    </message>
    <message>
        <source>Notation signature</source>
        <translation>Notation-Signatur</translation>
    </message>
    <message>
        <source>cosign (Sigstore bundle)</source>
        <translation>cosign (Sigstore-Bundle)</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Delete the fallback index this push replaces (left untagged)</source>
        <translation>Den Fallback-Index löschen, den dieser Push ersetzt (bliebe sonst ohne Tag)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>Vorscha&amp;u</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Pushen</translation>
    </message>
    <message>
        <source>&amp;Cancel Push</source>
        <translation>Push a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Push Artifact</source>
        <translation>Artefakt pushen</translation>
    </message>
    <message>
        <source>team/app</source>
        <translation>team/app</translation>
    </message>
    <message>
        <source>optional: pushed by digest only when empty</source>
        <translation>optional: ohne Angabe nur per Digest gepusht</translation>
    </message>
    <message>
        <source>optional: a tag or sha256:… in the same repository</source>
        <translation>optional: ein Tag oder sha256:… im selben Repository</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigener</translation>
    </message>
    <message>
        <source>application/vnd.example.thing.v1+json</source>
        <translation>application/vnd.example.thing.v1+json</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Medientyp</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Drop files here, or use Add Files…. Media type and title are editable (double-click).</source>
        <translation>Dateien hier ablegen oder „Dateien hinzufügen…“ verwenden. Medientyp und Titel sind bearbeitbar (Doppelklick).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Without the referrers API, attaching rewrites the subject&apos;s sha256-… fallback index; the previous index stays in the repository untagged unless deleted.</source>
        <translation>Ohne Referrers-API schreibt das Anhängen den sha256-…-Fallback-Index des Subjekts neu; der vorherige Index bleibt ohne Tag im Repository, sofern er nicht gelöscht wird.</translation>
    </message>
    <message>
        <source>Preview builds the manifest from the fields (hashing the files) without sending anything.</source>
        <translation>Die Vorschau baut das Manifest aus den Feldern (und hasht die Dateien), ohne etwas zu senden.</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Repository:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Subjekt:</translation>
    </message>
    <message>
        <source>Artifact t&amp;ype:</source>
        <translation>Artefakt-T&amp;yp:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>Manifest preview</source>
        <translation>Manifest-Vorschau</translation>
    </message>
    <message>
        <source>Subject &quot;%1&quot; is neither a tag nor a sha256:… digest.</source>
        <translation>Das Subjekt „%1“ ist weder ein Tag noch ein sha256:…-Digest.</translation>
    </message>
    <message>
        <source>Subject: the registry is no longer open.</source>
        <translation>Subjekt: Die Registry ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Subject %1@%2: %3</source>
        <translation>Subjekt %1@%2: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ein Ordner</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <source>%1 (already listed)</source>
        <translation>%1 (bereits gelistet)</translation>
    </message>
    <message>
        <source>Not added: %1.</source>
        <translation>Nicht hinzugefügt: %1.</translation>
    </message>
    <message>
        <source>Add Files to the Artifact</source>
        <translation>Dateien zum Artefakt hinzufügen</translation>
    </message>
    <message>
        <source>Name the target repository.</source>
        <translation>Geben Sie das Ziel-Repository an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a repository name (lower-case path components separated by /).</source>
        <translation>„%1“ ist kein Repository-Name (Pfadteile in Kleinbuchstaben, durch / getrennt).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tag: up to 128 letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>„%1“ ist kein Tag: bis zu 128 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;, nicht mit &apos;.&apos; oder &apos;-&apos; am Anfang.</translation>
    </message>
    <message>
        <source>Press Enter in Subject to look it up.</source>
        <translation>Drücken Sie die Eingabetaste im Feld Subjekt, um es nachzuschlagen.</translation>
    </message>
    <message>
        <source>Press Enter in Repository to look the subject up there.</source>
        <translation>Drücken Sie die Eingabetaste im Feld Repository, um das Subjekt dort nachzuschlagen.</translation>
    </message>
    <message>
        <source>Add at least one file.</source>
        <translation>Fügen Sie mindestens eine Datei hinzu.</translation>
    </message>
    <message>
        <source>File %1 has no media type.</source>
        <translation>Datei %1 hat keinen Medientyp.</translation>
    </message>
    <message>
        <source>Choose an artifact type (or type a custom one).</source>
        <translation>Wählen Sie einen Artefakt-Typ (oder geben Sie einen eigenen ein).</translation>
    </message>
    <message>
        <source>Annotation %1 has no key.</source>
        <translation>Annotation %1 hat keinen Schlüssel.</translation>
    </message>
    <message>
        <source>Annotation %1 is set twice.</source>
        <translation>Annotation %1 ist doppelt gesetzt.</translation>
    </message>
    <message>
        <source>The fields changed since this preview: Preview again to see what Push sends.</source>
        <translation>Die Felder haben sich seit dieser Vorschau geändert: Erneut „Vorschau“, um zu sehen, was „Pushen“ sendet.</translation>
    </message>
    <message>
        <source>No subject: the artifact stands alone.</source>
        <translation>Kein Subjekt: Das Artefakt steht für sich.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Schlage %1 nach…</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 bytes</source>
        <translation>%1 · %2 · %3 Bytes</translation>
    </message>
    <message>
        <source>Not resolved.</source>
        <translation>Nicht aufgelöst.</translation>
    </message>
    <message numerus="yes">
        <source>Hashing %n file(s)…</source>
        <translation>
            <numerusform>Hashe %n Datei…</numerusform>
            <numerusform>Hashe %n Dateien…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 Bytes · %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;The fields changed since this preview: Preview again to see what Push sends.</source>
        <translation>&lt;br&gt;Die Felder haben sich seit dieser Vorschau geändert: Erneut „Vorschau“, um zu sehen, was „Pushen“ sendet.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Shown indented; the digest is of the compact bytes Push sends.</source>
        <translation>&lt;br&gt;Eingerückt dargestellt; der Digest gilt für die kompakten Bytes, die „Pushen“ sendet.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starte…</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Gesamt: %1</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)</source>
        <translation>Lade %1 hoch (%2 von %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Uploading the empty config</source>
        <translation>Lade die leere Config hoch</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>gesendet</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Push cancelled: the upload in flight was abandoned; the manifest was not pushed.</source>
        <translation>Push abgebrochen: Der laufende Upload wurde verworfen; das Manifest wurde nicht gepusht.</translation>
    </message>
    <message>
        <source>The push failed: %1</source>
        <translation>Der Push ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Pushed &lt;b&gt;%1&lt;/b&gt; (%2 bytes) to %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 Bytes) nach %3 gepusht.</translation>
    </message>
    <message>
        <source>Tagged %1.</source>
        <translation>Als %1 getaggt.</translation>
    </message>
    <message>
        <source>Referrers: the registry&apos;s referrers API recorded the subject (OCI-Subject); no fallback tag was written.</source>
        <translation>Referrer: Die Referrers-API der Registry hat das Subjekt erfasst (OCI-Subject); kein Fallback-Tag wurde geschrieben.</translation>
    </message>
    <message>
        <source>Referrers: no referrers API here, so the fallback tag was used. %1</source>
        <translation>Referrer: Hier gibt es keine Referrers-API, daher wurde das Fallback-Tag verwendet. %1</translation>
    </message>
    <message>
        <source>The replaced index %1 was deleted.</source>
        <translation>Der ersetzte Index %1 wurde gelöscht.</translation>
    </message>
    <message>
        <source>The replaced index was kept: %1.</source>
        <translation>Der ersetzte Index wurde behalten: %1.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Breche ab…</translation>
    </message>
</context>
<context>
    <name>ocular::RawFormatter</name>
    <message>
        <source>[showing the first %1 of %2]</source>
        <translation>[die ersten %1 von %2 werden gezeigt]</translation>
    </message>
</context>
<context>
    <name>ocular::ReferenceMenu</name>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>&amp;Referenz kopieren</translation>
    </message>
    <message>
        <source>Copy &amp;Digest Reference</source>
        <translation>&amp;Digest-Referenz kopieren</translation>
    </message>
    <message>
        <source>Open in New &amp;Window</source>
        <translation>In neuem &amp;Fenster öffnen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Akt&amp;ualisieren</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Copy as Co&amp;mmand</source>
        <translation>Als &amp;Befehl kopieren</translation>
    </message>
    <message>
        <source>No command: %1</source>
        <translation>Kein Befehl: %1</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrerGraphModel</name>
    <message>
        <source>Artifact</source>
        <translation>Artefakt</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotationen</translation>
    </message>
    <message>
        <source>(not walked)</source>
        <translation>(nicht durchlaufen)</translation>
    </message>
    <message>
        <source> (cycle)</source>
        <translation> (Zyklus)</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (fehlt)</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>platform manifest</source>
        <translation>Plattform-Manifest</translation>
    </message>
    <message>
        <source>This index is nested deeper than the walk goes; open it to walk its entries.</source>
        <translation>Dieser Index ist tiefer verschachtelt, als der Durchlauf reicht; öffnen Sie ihn, um seine Einträge zu durchlaufen.</translation>
    </message>
    <message>
        <source>more… (nesting limit reached)</source>
        <translation>mehr… (Verschachtelungsgrenze erreicht)</translation>
    </message>
    <message>
        <source>Listed as a referrer of this manifest, but %1. Not counted as its signature, SBOM or attestation.</source>
        <translation>Als Referrer dieses Manifests gelistet, aber %1. Nicht als seine Signatur, SBOM oder Attestierung gezählt.</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>%1 (not a referrer: subject not checked)</source>
        <translation>%1 (kein Referrer: Subjekt nicht geprüft)</translation>
    </message>
    <message>
        <source>%1 (not a referrer: subject mismatch)</source>
        <translation>%1 (kein Referrer: Subjekt passt nicht)</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersPanel</name>
    <message>
        <source>Verify with Key…</source>
        <translation>Mit Schlüssel prüfen…</translation>
    </message>
    <message>
        <source>Select a tag or a manifest to see what refers to it.</source>
        <translation>Wählen Sie ein Tag oder ein Manifest aus, um zu sehen, was darauf verweist.</translation>
    </message>
    <message>
        <source>Finding referrers of %1…</source>
        <translation>Suche Referrer von %1…</translation>
    </message>
    <message>
        <source>Finding referrers…</source>
        <translation>Suche Referrer…</translation>
    </message>
    <message>
        <source>Referrers: %1</source>
        <translation>Referrer: %1</translation>
    </message>
    <message>
        <source>; referrers API: %1</source>
        <translation>; Referrers-API: %1</translation>
    </message>
    <message>
        <source>Referrers (%1) of %2%3</source>
        <translation>Referrer (%1) von %2%3</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s)</source>
        <translation>
            <numerusform> — %n Warnung</numerusform>
            <numerusform> — %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>
Could not read the content: %1</source>
        <translation>
Der Inhalt konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1
%2
media type: %3
</source>
        <translation>%1
%2
Medientyp: %3
</translation>
    </message>
    <message>
        <source>artifact type: %1
</source>
        <translation>Artefakt-Typ: %1
</translation>
    </message>
    <message>
        <source>size: %1 bytes
</source>
        <translation>Größe: %1 Bytes
</translation>
    </message>
    <message>
        <source>created: %1
</source>
        <translation>erstellt: %1
</translation>
    </message>
    <message>
        <source>predicate: %1
</source>
        <translation>Prädikat: %1
</translation>
    </message>
    <message>
        <source>
This manifest does not exist any more (a stale entry).
</source>
        <translation>
Dieses Manifest existiert nicht mehr (ein veralteter Eintrag).
</translation>
    </message>
    <message>
        <source>
Notation JWS (%1)
signing scheme: %2
signing time: %3
signed manifest: %4
%5%6
verification: not checked (Notation trust policies are not evaluated by Ocular)</source>
        <translation>
Notation-JWS (%1)
Signaturschema: %2
Signaturzeit: %3
signiertes Manifest: %4
%5%6
Prüfung: nicht durchgeführt (Notation-Vertrauensrichtlinien wertet Ocular nicht aus)</translation>
    </message>
    <message>
        <source>expiry: %1
</source>
        <translation>Ablauf: %1
</translation>
    </message>
    <message>
        <source>
Sigstore bundle %1
content: %2 %3 %4
transparency log entries: %5 (index %6, %7)
%8</source>
        <translation>
Sigstore-Bundle %1
Inhalt: %2 %3 %4
Einträge im Transparenzlog: %5 (Index %6, %7)
%8</translation>
    </message>
    <message>
        <source>
cosign simple signing
signed manifest: %1 (%2)
identity: %3
</source>
        <translation>
cosign simple signing
signiertes Manifest: %1 (%2)
Identität: %3
</translation>
    </message>
    <message>
        <source>matches the subject</source>
        <translation>passt zum Subjekt</translation>
    </message>
    <message>
        <source>DOES NOT match the subject %1</source>
        <translation>passt NICHT zum Subjekt %1</translation>
    </message>
    <message>
        <source>no key chosen</source>
        <translation>kein Schlüssel gewählt</translation>
    </message>
    <message>
        <source>verification: %1</source>
        <translation>Prüfung: %1</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Schlüssel: %1</translation>
    </message>
    <message>
        <source>Finding referrers was cancelled. Select the manifest again or press F5 to retry.</source>
        <translation>Die Suche nach Referrern wurde abgebrochen. Wählen Sie das Manifest erneut aus oder drücken Sie F5, um es noch einmal zu versuchen.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Copied the %1 command</source>
        <translation>Befehl %1 kopiert</translation>
    </message>
    <message>
        <source>
The provenance cannot be read: %1</source>
        <translation>
Die Provenienz kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>SLSA provenance v%1
</source>
        <translation>SLSA-Provenienz v%1
</translation>
    </message>
    <message>
        <source>builder:</source>
        <translation>Builder:</translation>
    </message>
    <message>
        <source>build type:</source>
        <translation>Build-Typ:</translation>
    </message>
    <message>
        <source>source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>entry point:</source>
        <translation>Einstiegspunkt:</translation>
    </message>
    <message>
        <source>started:</source>
        <translation>gestartet:</translation>
    </message>
    <message numerus="yes">
        <source> (took %n s)</source>
        <translation>
            <numerusform> (Dauer %n s)</numerusform>
            <numerusform> (Dauer %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>finished:</source>
        <translation>beendet:</translation>
    </message>
    <message>
        <source>invocation:</source>
        <translation>Aufruf:</translation>
    </message>
    <message>
        <source>reproducible:</source>
        <translation>reproduzierbar:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>parameters:
</source>
        <translation>Parameter:
</translation>
    </message>
    <message>
        <source>materials (%1):
</source>
        <translation>Materialien (%1):
</translation>
    </message>
    <message>
        <source>subjects: %1
</source>
        <translation>Subjekte: %1
</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersTreeLoader</name>
    <message>
        <source>the manifest is not loaded</source>
        <translation>das Manifest ist nicht geladen</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryAccess</name>
    <message>
        <source>TLS settings for %1: %2</source>
        <translation>TLS-Einstellungen für %1: %2</translation>
    </message>
    <message>
        <source>Certificate verification is OFF for %1: the connection can be intercepted.</source>
        <translation>Die Zertifikatsprüfung ist für %1 AUS: Die Verbindung kann abgefangen werden.</translation>
    </message>
    <message>
        <source>Logged in to %1 for this session only: %2</source>
        <translation>Nur für diese Sitzung bei %1 angemeldet: %2</translation>
    </message>
    <message>
        <source>Saved the login for %1 in the system keychain.</source>
        <translation>Die Anmeldung für %1 wurde im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <source>Saved the login for %1 with docker-credential-%2.</source>
        <translation>Die Anmeldung für %1 wurde mit docker-credential-%2 gespeichert.</translation>
    </message>
    <message>
        <source>Logged out of %1. Logins kept by docker or podman stay until `docker logout %1`.</source>
        <translation>Von %1 abgemeldet. Anmeldungen, die docker oder podman speichern, bleiben bis `docker logout %1` bestehen.</translation>
    </message>
    <message>
        <source>login dialog</source>
        <translation>Anmeldedialog</translation>
    </message>
    <message>
        <source>Secure Connection Failed</source>
        <translation>Sichere Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <source>If %1 uses a private certificate authority, add its CA certificate in the registry&apos;s TLS settings. A client certificate can be set there too. Skipping verification is possible but lets anyone intercept the connection.</source>
        <translation>Wenn %1 eine private Zertifizierungsstelle nutzt, fügen Sie deren CA-Zertifikat in den TLS-Einstellungen der Registry hinzu. Dort lässt sich auch ein Client-Zertifikat festlegen. Die Prüfung zu überspringen ist möglich, erlaubt aber jedem, die Verbindung abzufangen.</translation>
    </message>
    <message>
        <source>TLS Settings…</source>
        <translation>TLS-Einstellungen…</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryAccessActions</name>
    <message>
        <source>&amp;Registry</source>
        <translation>&amp;Registry</translation>
    </message>
    <message>
        <source>Registry &amp;Settings…</source>
        <translation>Registry-&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonym</translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation>Zugangsdaten: %1</translation>
    </message>
    <message>
        <source>Where the credentials for this registry came from. Registry ▸ Log Out forgets Ocular&apos;s own login.</source>
        <translation>Woher die Zugangsdaten für diese Registry stammen. Registry ▸ Abmelden vergisst Ocular&apos;s eigene Anmeldung.</translation>
    </message>
    <message>
        <source>%1 needs a login — Log In…</source>
        <translation>%1 erfordert eine Anmeldung — Anmelden…</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed — details and TLS settings…</source>
        <translation>Sichere Verbindung zu %1 fehlgeschlagen — Details und TLS-Einstellungen…</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Fügen Sie zuerst eine Registry hinzu oder wählen Sie eine aus.</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryListPanel</name>
    <message>
        <source>Registries</source>
        <translation>Registrys</translation>
    </message>
    <message>
        <source>Add registry… (Ctrl+Shift+N)</source>
        <translation>Registry hinzufügen… (Strg+Umschalt+N)</translation>
    </message>
    <message>
        <source>Remove the selected registry from this list</source>
        <translation>Die ausgewählte Registry aus dieser Liste entfernen</translation>
    </message>
    <message>
        <source>%1 (not remembered)</source>
        <translation>%1 (nicht gemerkt)</translation>
    </message>
</context>
<context>
    <name>ocular::RegistrySettingsDialog</name>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation>Unverschlüsseltes HTTP für diesen Nicht-Loopback-Host erlauben (unsicher)</translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Log Out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Registry Settings</source>
        <translation>Registry-Einstellungen</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Registry:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>Without a login, Ocular uses docker&apos;s config.json (and its credential helpers) and podman&apos;s auth.json, like the command-line tools.</source>
        <translation>Ohne Anmeldung verwendet Ocular die config.json von docker (und deren Credential-Helper) und die auth.json von podman, wie die Kommandozeilenwerkzeuge.</translation>
    </message>
    <message>
        <source>Credentials: not used yet (Ocular asks when the registry requires a login).</source>
        <translation>Zugangsdaten: noch nicht verwendet (Ocular fragt, wenn die Registry eine Anmeldung verlangt).</translation>
    </message>
    <message>
        <source>Credentials: none found, browsing anonymously.</source>
        <translation>Zugangsdaten: keine gefunden, anonymes Browsen.</translation>
    </message>
    <message>
        <source>Credentials from: %1</source>
        <translation>Zugangsdaten aus: %1</translation>
    </message>
    <message>
        <source>Enter a registry host or URL.</source>
        <translation>Geben Sie einen Registry-Host oder eine URL ein.</translation>
    </message>
    <message>
        <source>TLS options apply to HTTPS registries only.</source>
        <translation>TLS-Optionen gelten nur für HTTPS-Registrys.</translation>
    </message>
    <message>
        <source>Plain HTTP is allowed for this loopback host (nothing leaves this machine)</source>
        <translation>Unverschlüsseltes HTTP ist für diesen Loopback-Host erlaubt (nichts verlässt diesen Rechner)</translation>
    </message>
</context>
<context>
    <name>ocular::RegistrySources</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 ist kein Ordner</translation>
    </message>
    <message>
        <source>%1 has no oci-layout file: it is not an OCI image layout</source>
        <translation>%1 hat keine oci-layout-Datei: Es ist kein OCI-Image-Layout</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryTreeModel</name>
    <message>
        <source>(no tags)</source>
        <translation>(keine Tags)</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Signatures, SBOMs and attestations of %1, from every source</source>
        <translation>Signaturen, SBOMs und Attestierungen von %1, aus jeder Quelle</translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation>Referrer (%1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>config</source>
        <translation>Config</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>Layer %1</translation>
    </message>
    <message>
        <source>subject %1</source>
        <translation>Subjekt %1</translation>
    </message>
    <message>
        <source>(no content)</source>
        <translation>(kein Inhalt)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Lade…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>cosign signature</source>
        <translation>cosign-Signatur</translation>
    </message>
    <message>
        <source>cosign attestation</source>
        <translation>cosign-Attestierung</translation>
    </message>
    <message>
        <source>cosign SBOM</source>
        <translation>cosign-SBOM</translation>
    </message>
    <message>
        <source>referrers fallback index</source>
        <translation>Referrers-Fallback-Index</translation>
    </message>
    <message>
        <source>by digest %1</source>
        <translation>per Digest %1</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Anhänge (%1)</translation>
    </message>
    <message>
        <source>Tags that hold signatures, SBOMs, attestations and referrers indexes, grouped by the manifest they are attached to</source>
        <translation>Tags mit Signaturen, SBOMs, Attestierungen und Referrer-Indizes, gruppiert nach dem Manifest, an das sie angehängt sind</translation>
    </message>
    <message numerus="yes">
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n Subjekt</numerusform>
            <numerusform>%n Subjekte</numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>für %1</translation>
    </message>
    <message>
        <source>Attachment tags of %1</source>
        <translation>Anhang-Tags von %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tags</numerusform>
        </translation>
    </message>
    <message>
        <source>invalid tag “%1”</source>
        <translation>ungültiges Tag „%1“</translation>
    </message>
    <message>
        <source>The registry listed “%1”, which is not a valid tag (%2); Ocular does not request it.</source>
        <translation>Die Registry hat „%1“ gelistet, das kein gültiges Tag ist (%2); Ocular fragt es nicht ab.</translation>
    </message>
    <message numerus="yes">
        <source>%n more invalid tag(s) not shown</source>
        <translation>
            <numerusform>%n weiteres ungültiges Tag nicht gezeigt</numerusform>
            <numerusform>%n weitere ungültige Tags nicht gezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled — expand or press F5 to load</source>
        <translation>abgebrochen — aufklappen oder F5 drücken, um zu laden</translation>
    </message>
    <message>
        <source>could not load: %1</source>
        <translation>konnte nicht geladen werden: %1</translation>
    </message>
    <message>
        <source>attestation for %1</source>
        <translation>Attestierung für %1</translation>
    </message>
    <message>
        <source>attestation for an image</source>
        <translation>Attestierung für ein Image</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 Bytes)</translation>
    </message>
    <message>
        <source>artifact type: %1</source>
        <translation>Artefakt-Typ: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryWrites</name>
    <message>
        <source>Tagged: %1</source>
        <translation>Getaggt: %1</translation>
    </message>
    <message>
        <source>Copied %1 to %2/%3</source>
        <translation>%1 nach %2/%3 kopiert</translation>
    </message>
    <message>
        <source>Removed the tag %1:%2</source>
        <translation>Das Tag %1:%2 wurde entfernt</translation>
    </message>
    <message>
        <source>The change was made, but the activity log could not be written: %1</source>
        <translation>Die Änderung wurde ausgeführt, aber das Aktivitätsprotokoll konnte nicht geschrieben werden: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RemoveTagDialog</name>
    <message>
        <source>Remove Tag</source>
        <translation>Tag entfernen</translation>
    </message>
    <message>
        <source>Remove with Placeholder</source>
        <translation>Mit Platzhalter entfernen</translation>
    </message>
    <message>
        <source>the manifest %1</source>
        <translation>das Manifest %1</translation>
    </message>
    <message>
        <source>the manifest</source>
        <translation>das Manifest</translation>
    </message>
    <message>
        <source>Remove the tag %1 from %2. Only the tag goes: %3 stays in the repository, and so do its other tags.</source>
        <translation>Das Tag %1 aus %2 entfernen. Nur das Tag geht: %3 bleibt im Repository, ebenso seine anderen Tags.</translation>
    </message>
    <message>
        <source>Other tags naming it: %1.</source>
        <translation>Andere Tags, die es benennen: %1.</translation>
    </message>
    <message>
        <source>No other loaded tag names it; it stays reachable by digest (and to anything that refers to it).</source>
        <translation>Kein anderes geladenes Tag benennt es; es bleibt per Digest erreichbar (und für alles, was darauf verweist).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Removing the tag %1 with a placeholder…</source>
        <translation>Entferne das Tag %1 mit einem Platzhalter…</translation>
    </message>
    <message>
        <source>Removing the tag %1…</source>
        <translation>Entferne das Tag %1…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>The registry refused to delete the tag alone: &quot;%1&quot;. Nothing was changed.

Remove with Placeholder pushes a unique, empty placeholder manifest to %2 and then deletes that placeholder by its digest, which takes only the tag with it; the manifest it names now is never deleted. %3</source>
        <translation>Die Registry hat abgelehnt, nur das Tag zu löschen: „%1“. Nichts wurde geändert.

„Mit Platzhalter entfernen“ pusht ein eindeutiges, leeres Platzhalter-Manifest nach %2 und löscht diesen Platzhalter dann per Digest, was nur das Tag mitnimmt; das Manifest, das es jetzt benennt, wird nie gelöscht. %3</translation>
    </message>
    <message>
        <source>The tag was not removed: %1</source>
        <translation>Das Tag wurde nicht entfernt: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchDialog</name>
    <message>
        <source>Tag name</source>
        <translation>Tag-Name</translation>
    </message>
    <message>
        <source>Annotation key</source>
        <translation>Annotationsschlüssel</translation>
    </message>
    <message>
        <source>Annotation %1</source>
        <translation>Annotation %1</translation>
    </message>
    <message>
        <source>Artifact type</source>
        <translation>Artefakttyp</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Medientyp</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Text in a tag, annotation, artifact type or media type</source>
        <translation>Text in einem Tag, einer Annotation, einem Artefakttyp oder Medientyp</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Matched in</source>
        <translation>Gefunden in</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to show it in the repository tree</source>
        <translation>Doppelklicken Sie auf eine Zeile (oder drücken Sie Eingabe), um sie im Repository-Baum zu zeigen</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Gestoppt.</translation>
    </message>
    <message>
        <source>Search stopped: %1 was selected.</source>
        <translation>Suche gestoppt: %1 wurde ausgewählt.</translation>
    </message>
    <message>
        <source>Find in %1</source>
        <translation>In %1 suchen</translation>
    </message>
    <message>
        <source>Search the tags, annotations, artifact types and media types of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Die Tags, Annotationen, Artefakttypen und Medientypen von &lt;b&gt;%1&lt;/b&gt; durchsuchen.</translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation>Geben Sie einen Suchbegriff ein.</translation>
    </message>
    <message>
        <source>Search stopped: the window was closed.</source>
        <translation>Suche gestoppt: Das Fenster wurde geschlossen.</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(ohne Tag)</translation>
    </message>
    <message>
        <source>Nothing in %1 matches.</source>
        <translation>Nichts in %1 passt.</translation>
    </message>
    <message>
        <source>%1 matches; the first %2 are listed.</source>
        <translation>%1 Treffer; die ersten %2 sind aufgeführt.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1. Double-click one to show it in the tree.</source>
        <translation>
            <numerusform>%n Treffer in %1. Doppelklicken Sie darauf, um ihn im Baum zu zeigen.</numerusform>
            <numerusform>%n Treffer in %1. Doppelklicken Sie auf einen, um ihn im Baum zu zeigen.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchLoader</name>
    <message numerus="yes">
        <source>Reading every tag and manifest of %1… (%n request(s))</source>
        <translation>
            <numerusform>Lese alle Tags und Manifeste von %1… (%n Anfrage)</numerusform>
            <numerusform>Lese alle Tags und Manifeste von %1… (%n Anfragen)</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry is no longer open.</source>
        <translation>Die Registry ist nicht mehr geöffnet.</translation>
    </message>
    <message>
        <source>Reading every tag and manifest of %1…</source>
        <translation>Lese alle Tags und Manifeste von %1…</translation>
    </message>
    <message>
        <source>Could not read the repository %1: %2</source>
        <translation>Das Repository %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Durchsuche %1…</translation>
    </message>
</context>
<context>
    <name>ocular::RepositoryTreePanel</name>
    <message>
        <source>Open repository…</source>
        <translation>Repository öffnen…</translation>
    </message>
    <message>
        <source>Filter repositories and tags</source>
        <translation>Repositorys und Tags filtern</translation>
    </message>
    <message>
        <source>Add a registry to start browsing.</source>
        <translation>Fügen Sie eine Registry hinzu, um mit dem Browsen zu beginnen.</translation>
    </message>
    <message>
        <source>Loading repositories of %1…</source>
        <translation>Lade Repositorys von %1…</translation>
    </message>
    <message>
        <source>Loading the repository list was cancelled. Press F5 to try again, or open a repository by name.</source>
        <translation>Das Laden der Repository-Liste wurde abgebrochen. Drücken Sie F5, um es erneut zu versuchen, oder öffnen Sie ein Repository über seinen Namen.</translation>
    </message>
    <message>
        <source>%1 does not list its repositories (the catalog is not available: %2).</source>
        <translation>%1 listet seine Repositorys nicht (der Katalog ist nicht verfügbar: %2).</translation>
    </message>
    <message>
        <source>Could not list the repositories of %1: %2</source>
        <translation>Die Repositorys von %1 konnten nicht gelistet werden: %2</translation>
    </message>
    <message>
        <source>You can still open a repository by name (Ctrl+O).</source>
        <translation>Sie können ein Repository trotzdem über seinen Namen öffnen (Strg+O).</translation>
    </message>
    <message>
        <source>The catalog of %1 is empty. Open a repository by name if you know one.</source>
        <translation>Der Katalog von %1 ist leer. Öffnen Sie ein Repository über seinen Namen, wenn Sie einen kennen.</translation>
    </message>
    <message>
        <source>Loading tags of %1…</source>
        <translation>Lade Tags von %1…</translation>
    </message>
    <message>
        <source>Could not load the tags of %1: %2</source>
        <translation>Die Tags von %1 konnten nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Loading manifest of %1…</source>
        <translation>Lade Manifest von %1…</translation>
    </message>
    <message>
        <source>Could not load the manifest of %1: %2</source>
        <translation>Das Manifest von %1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v von %m</translation>
    </message>
    <message numerus="yes">
        <source>%1 listed %n repository name(s) that are not valid; they are not shown.</source>
        <translation>
            <numerusform>%1 hat %n ungültigen Repository-Namen gelistet; er wird nicht gezeigt.</numerusform>
            <numerusform>%1 hat %n ungültige Repository-Namen gelistet; sie werden nicht gezeigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>The tags of %1 stopped after %2 pages; later tags are not shown.</source>
        <translation>Die Tags von %1 endeten nach %2 Seiten; spätere Tags werden nicht gezeigt.</translation>
    </message>
    <message>
        <source>Enter a repository name.</source>
        <translation>Geben Sie einen Repository-Namen ein.</translation>
    </message>
    <message>
        <source>%1 is on another registry (%2); add that registry first.</source>
        <translation>%1 liegt in einer anderen Registry (%2); fügen Sie diese Registry zuerst hinzu.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a repository, repo:tag or repo@digest reference (lower-case path components separated by /).</source>
        <translation>„%1“ ist weder ein Repository noch eine Referenz repo:tag oder repo@digest (Pfadteile in Kleinbuchstaben, durch / getrennt).</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Fügen Sie zuerst eine Registry hinzu oder wählen Sie eine aus.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid repository name.</source>
        <translation>„%1“ ist kein gültiger Repository-Name.</translation>
    </message>
    <message>
        <source>%1 has no tag %2.</source>
        <translation>%1 hat kein Tag %2.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>%1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 kopiert</translation>
    </message>
    <message>
        <source>&amp;Push Artifact…</source>
        <translation>Artefakt &amp;pushen…</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>Dateien &amp;anhängen…</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>&amp;Tag hinzufügen…</translation>
    </message>
    <message>
        <source>Cop&amp;y To…</source>
        <translation>Kop&amp;ieren nach…</translation>
    </message>
    <message>
        <source>Re&amp;move Tag…</source>
        <translation>Ta&amp;g entfernen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>Blob</translation>
    </message>
    <message>
        <source>Copied the %1 command</source>
        <translation>Befehl %1 kopiert</translation>
    </message>
    <message>
        <source>Deleted 1 manifest from %1</source>
        <translation>1 Manifest aus %1 gelöscht</translation>
    </message>
    <message>
        <source>Deleted %1 manifests from %2</source>
        <translation>%1 Manifeste aus %2 gelöscht</translation>
    </message>
    <message>
        <source>No repository or tag matches “%1”.</source>
        <translation>Kein Repository und kein Tag passt zu „%1“.</translation>
    </message>
    <message>
        <source>Still loading the list of repositories…</source>
        <translation>Die Liste der Repositorys wird noch geladen…</translation>
    </message>
    <message>
        <source>Tags are searched in repositories that were opened.</source>
        <translation>Tags werden in Repositorys gesucht, die geöffnet wurden.</translation>
    </message>
    <message>
        <source>Repository tree</source>
        <translation>Repository-Baum</translation>
    </message>
</context>
<context>
    <name>ocular::SbomPackagesModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>purl</source>
        <translation>purl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>ocular::SbomViewer</name>
    <message>
        <source>Filter packages (name, version, licence, purl)</source>
        <translation>Pakete filtern (Name, Version, Lizenz, purl)</translation>
    </message>
    <message>
        <source>%1 — %2 packages, %3 with a licence</source>
        <translation>%1 — %2 Pakete, %3 mit Lizenz</translation>
    </message>
    <message>
        <source>; %1 shown</source>
        <translation>; %1 gezeigt</translation>
    </message>
    <message>
        <source>Reading the SBOM (%1 KiB)…</source>
        <translation>Lese die SBOM (%1 KiB)…</translation>
    </message>
    <message>
        <source>Not a readable SBOM: %1</source>
        <translation>Keine lesbare SBOM: %1</translation>
    </message>
    <message>
        <source> (wrapped in: %1)</source>
        <translation> (verpackt in: %1)</translation>
    </message>
</context>
<context>
    <name>ocular::SupplyChainDock</name>
    <message>
        <source>Supply Chain</source>
        <translation>Lieferkette</translation>
    </message>
    <message>
        <source>Referrers in tree</source>
        <translation>Referrer im Baum</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrer</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Fähigkeiten</translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation>Referrer (%1)</translation>
    </message>
    <message>
        <source>Show a lazily loaded &quot;Referrers (n)&quot; node under every manifest of the repository tree</source>
        <translation>Einen bei Bedarf geladenen Knoten „Referrer (n)“ unter jedem Manifest des Repository-Baums zeigen</translation>
    </message>
</context>
<context>
    <name>ocular::TagHistoryDialog</name>
    <message>
        <source>Tag History of %1</source>
        <translation>Tag-Verlauf von %1</translation>
    </message>
    <message>
        <source>Tag History of %1:%2</source>
        <translation>Tag-Verlauf von %1:%2</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>There is no tag history: it could not be opened.</source>
        <translation>Es gibt keinen Tag-Verlauf: Er konnte nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>Reading the tag history…</source>
        <translation>Tag-Verlauf wird gelesen…</translation>
    </message>
    <message>
        <source>Cannot read the tag history: %1</source>
        <translation>Der Tag-Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Ocular has not seen %1 yet: it records every tag it resolves, from now on.</source>
        <translation>Ocular hat %1 noch nicht gesehen: Es zeichnet ab jetzt jedes Tag auf, das es auflöst.</translation>
    </message>
    <message>
        <source>current</source>
        <translation>aktuell</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>weggezogen</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n digest(s) seen.</source>
        <translation>
            <numerusform>%1: %n Digest gesehen.</numerusform>
            <numerusform>%1: %n Digests gesehen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are no longer current.</source>
        <translation>
            <numerusform>%n davon ist nicht mehr aktuell.</numerusform>
            <numerusform>%n davon sind nicht mehr aktuell.</numerusform>
        </translation>
    </message>
    <message>
        <source>Times are when Ocular saw each, in local time.</source>
        <translation>Die Zeiten sind, wann Ocular jeden sah, in Ortszeit.</translation>
    </message>
</context>
<context>
    <name>ocular::TlsOptionsForm</name>
    <message>
        <source>Do not verify the server certificate</source>
        <translation>Das Server-Zertifikat nicht prüfen</translation>
    </message>
    <message>
        <source>system trust store only</source>
        <translation>nur Vertrauensspeicher des Systems</translation>
    </message>
    <message>
        <source>unencrypted PEM key</source>
        <translation>unverschlüsselter PEM-Schlüssel</translation>
    </message>
    <message>
        <source>Warning: anyone on the network path can impersonate this registry and read everything sent to it, including passwords. Use a CA file instead when you can.</source>
        <translation>Warnung: Jeder auf dem Netzwerkpfad kann sich als diese Registry ausgeben und alles mitlesen, was an sie gesendet wird, auch Passwörter. Verwenden Sie nach Möglichkeit stattdessen eine CA-Datei.</translation>
    </message>
    <message>
        <source>Extra CA certificate:</source>
        <translation>Zusätzliches CA-Zertifikat:</translation>
    </message>
    <message>
        <source>CA Certificate (PEM)</source>
        <translation>CA-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Client-Zertifikat:</translation>
    </message>
    <message>
        <source>Client Certificate (PEM)</source>
        <translation>Client-Zertifikat (PEM)</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Client-Schlüssel:</translation>
    </message>
    <message>
        <source>Client Key (PEM)</source>
        <translation>Client-Schlüssel (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>CosignKeyChooser</name>
    <message>
        <source>Cannot read %1.</source>
        <translation>Impossible de lire %1.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Another key file…</source>
        <translation>Autre fichier de clé…</translation>
    </message>
    <message>
        <source>Public Key for cosign Signatures</source>
        <translation>Clé publique pour les signatures cosign</translation>
    </message>
    <message>
        <source>Verify cosign signatures with:</source>
        <translation>Vérifier les signatures cosign avec&#xa0;:</translation>
    </message>
    <message>
        <source>PEM keys (*.pub *.pem);;All files (*)</source>
        <translation>Clés PEM (*.pub *.pem);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>GuiOptions</name>
    <message>
        <source>Start a local demo registry with sample content.</source>
        <translation>Démarrer une registry de démonstration locale avec du contenu d&apos;exemple.</translation>
    </message>
    <message>
        <source>Open this registry (host or URL).</source>
        <translation>Ouvrir cette registry (hôte ou URL).</translation>
    </message>
    <message>
        <source>Save a screenshot of the window and quit.</source>
        <translation>Enregistrer une capture de la fenêtre et quitter.</translation>
    </message>
    <message>
        <source>Tree path to select before the screenshot, parts separated by &apos;&gt;&apos;.</source>
        <translation>Chemin de l&apos;arborescence à sélectionner avant la capture, parties séparées par &apos;&gt;&apos;.</translation>
    </message>
    <message>
        <source>Inspector tab for the screenshot: json, raw, annotations.</source>
        <translation>Onglet de l&apos;inspecteur pour la capture&#xa0;: json, raw, annotations.</translation>
    </message>
    <message>
        <source>Milliseconds to wait after selecting, before the screenshot.</source>
        <translation>Millisecondes d&apos;attente après la sélection, avant la capture.</translation>
    </message>
    <message>
        <source>Interface language for this run: en, de or fr (overrides Preferences).</source>
        <translation>Langue de l&apos;interface pour cette exécution&#xa0;: en, de ou fr (prioritaire sur les Préférences).</translation>
    </message>
    <message>
        <source>Measure how long the GUI thread is blocked and print p50/p99/max at exit (also OCULAR_STALL_REPORT=1).</source>
        <translation>Mesurer combien de temps le thread de l&apos;interface est bloqué et afficher p50/p99/max à la sortie (aussi OCULAR_STALL_REPORT=1).</translation>
    </message>
    <message>
        <source>Browse OCI container registries.</source>
        <translation>Parcourir les registries de conteneurs OCI.</translation>
    </message>
    <message>
        <source>Cannot open %1: not a registry host or URL.</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: ni un hôte de registry ni une URL.</translation>
    </message>
</context>
<context>
    <name>ocular::AboutDialog</name>
    <message>
        <source>About Ocular</source>
        <translation>À propos d&apos;Ocular</translation>
    </message>
    <message>
        <source>(development build)</source>
        <translation>(version de développement)</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ocular %1&lt;/h3&gt;&lt;p&gt;A native desktop browser for OCI container registries: repositories, tags, manifests, indexes, and the signatures, SBOMs and attestations that refer to them.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;&lt;p&gt;Licensed under the Apache License, Version 2.0: &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;https://www.apache.org/licenses/LICENSE-2.0&lt;/a&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ocular %1&lt;/h3&gt;&lt;p&gt;Un navigateur de bureau natif pour les registries de conteneurs OCI&#xa0;: dépôts, tags, manifests, index, ainsi que les signatures, SBOM et attestations qui y font référence.&lt;/p&gt;&lt;p&gt;Compilé avec Qt %2, exécuté avec Qt %3.&lt;/p&gt;&lt;p&gt;Sous licence Apache License, Version 2.0&#xa0;: &lt;a href=&quot;https://www.apache.org/licenses/LICENSE-2.0&quot;&gt;https://www.apache.org/licenses/LICENSE-2.0&lt;/a&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ocular::ActivityStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel what is loading (Esc)</source>
        <translation>Annuler le chargement en cours (Échap)</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Prêt</translation>
    </message>
</context>
<context>
    <name>ocular::AddRegistryDialog</name>
    <message>
        <source>Only the registry address goes here, e.g. %1. &quot;%2&quot; after it is not a repository name (lower-case path components separated by /).</source>
        <translation>Seule l&apos;adresse de la registry va ici, p. ex. %1. «&#xa0;%2&#xa0;» après elle n&apos;est pas un nom de dépôt (composants de chemin en minuscules séparés par /).</translation>
    </message>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation>Autoriser le HTTP non chiffré pour cet hôte hors boucle locale (non sécurisé)</translation>
    </message>
    <message>
        <source>Add Registry</source>
        <translation>Ajouter une registry</translation>
    </message>
    <message>
        <source>Plain HTTP is used automatically only for localhost and other loopback addresses. A repository after the host (HOST/team/app) is opened once the registry is added.</source>
        <translation>Le HTTP non chiffré n&apos;est utilisé automatiquement que pour localhost et les autres adresses de boucle locale. Un dépôt après l&apos;hôte (HÔTE/team/app) est ouvert une fois la registry ajoutée.</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Registry&#xa0;:</translation>
    </message>
    <message>
        <source>Do not put credentials in the URL.</source>
        <translation>Ne mettez pas d&apos;identifiants dans l&apos;URL.</translation>
    </message>
    <message>
        <source>Adds %1 and opens %2.</source>
        <translation>Ajoute %1 et ouvre %2.</translation>
    </message>
    <message>
        <source>Advanced: TLS certificates</source>
        <translation>Avancé&#xa0;: certificats TLS</translation>
    </message>
    <message>
        <source>TLS options apply to HTTPS registries only.</source>
        <translation>Les options TLS ne s’appliquent qu’aux registries HTTPS.</translation>
    </message>
</context>
<context>
    <name>ocular::AddTagDialog</name>
    <message>
        <source>Add Tag</source>
        <translation>Ajouter un tag</translation>
    </message>
    <message>
        <source>Give this manifest another tag. Its bytes are written again under the new tag, so its digest does not change.</source>
        <translation>Donner un autre tag à ce manifest. Ses octets sont réécrits sous le nouveau tag, son digest ne change donc pas.</translation>
    </message>
    <message>
        <source>Manifest:</source>
        <translation>Manifest&#xa0;:</translation>
    </message>
    <message>
        <source>e.g. stable, v1.2.3</source>
        <translation>p. ex. stable, v1.2.3</translation>
    </message>
    <message>
        <source>New &amp;tag:</source>
        <translation>Nouveau &amp;tag&#xa0;:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag: letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, at most 128 characters, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un tag valide&#xa0;: lettres, chiffres, &apos;_&apos;, &apos;.&apos; et &apos;-&apos;, 128 caractères au plus, sans commencer par &apos;.&apos; ou &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Tagging %1 as %2…</source>
        <translation>Ajout du tag %2 à %1…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Move Tag</source>
        <translation>Déplacer le tag</translation>
    </message>
    <message>
        <source>Press Move Tag to move it anyway.</source>
        <translation>Appuyez sur «&#xa0;Déplacer le tag&#xa0;» pour le déplacer quand même.</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>Rien n&apos;a été modifié&#xa0;: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Moved %1 from %2 to %3.</source>
        <translation>%1 déplacé de %2 vers %3.</translation>
    </message>
    <message>
        <source>%1 now names %2.</source>
        <translation>%1 désigne maintenant %2.</translation>
    </message>
</context>
<context>
    <name>ocular::AnnotationsModel</name>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
</context>
<context>
    <name>ocular::AuditModel</name>
    <message>
        <source>Listed as referrers of this manifest, but they do not name it (not counted):
%1</source>
        <translation>Listés comme referrers de ce manifest, mais ils ne le désignent pas (non comptés)&#xa0;:
%1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message numerus="yes">
        <source>%n listed referrer(s) do not name this manifest</source>
        <translation>
            <numerusform>%n referrer listé ne désigne pas ce manifest</numerusform>
            <numerusform>%n referrers listés ne désignent pas ce manifest</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::AuditPanel</name>
    <message>
        <source>Audit Repository</source>
        <translation>Auditer le dépôt</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Verify with Key…</source>
        <translation>Vérifier avec une clé…</translation>
    </message>
    <message>
        <source>All manifests</source>
        <translation>Tous les manifests</translation>
    </message>
    <message>
        <source>Unsigned only</source>
        <translation>Non signés uniquement</translation>
    </message>
    <message>
        <source>Without SBOM</source>
        <translation>Sans SBOM</translation>
    </message>
    <message>
        <source>Without provenance</source>
        <translation>Sans provenance</translation>
    </message>
    <message>
        <source>Audit %1</source>
        <translation>Audit %1</translation>
    </message>
    <message>
        <source>Repository %1</source>
        <translation>Dépôt %1</translation>
    </message>
    <message>
        <source>Audit of %1 cancelled.</source>
        <translation>Audit de %1 annulé.</translation>
    </message>
    <message>
        <source>Auditing %1…</source>
        <translation>Audit de %1…</translation>
    </message>
    <message>
        <source>Auditing %1: %2 of %3 tags…</source>
        <translation>Audit de %1&#xa0;: %2 tags sur %3…</translation>
    </message>
    <message>
        <source>, %1 failed verification</source>
        <translation>, %1 dont la vérification a échoué</translation>
    </message>
    <message numerus="yes">
        <source>; ⚠ %n stale attachment(s)</source>
        <translation>
            <numerusform>; ⚠ %n pièce jointe périmée</numerusform>
            <numerusform>; ⚠ %n pièces jointes périmées</numerusform>
        </translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Export Audit</source>
        <translation>Exporter l&apos;audit</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d&apos;écrire %1.</translation>
    </message>
    <message>
        <source>%1: 1 tag</source>
        <translation>%1&#xa0;: 1 tag</translation>
    </message>
    <message>
        <source>%1: %2 tags</source>
        <translation>%1&#xa0;: %2 tags</translation>
    </message>
    <message>
        <source>, 1 distinct manifest</source>
        <translation>, 1 manifest distinct</translation>
    </message>
    <message>
        <source>, %1 distinct manifests</source>
        <translation>, %1 manifests distincts</translation>
    </message>
    <message>
        <source>, %1 unsigned</source>
        <translation>, %1 non signés</translation>
    </message>
</context>
<context>
    <name>ocular::CapabilitiesPanel</name>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Probed</source>
        <translation>Sondé</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Sondage…</translation>
    </message>
    <message>
        <source>Referrers API</source>
        <translation>API referrers</translation>
    </message>
    <message>
        <source>artifactType filtering</source>
        <translation>Filtrage par artifactType</translation>
    </message>
    <message>
        <source>Tag list pagination</source>
        <translation>Pagination de la liste des tags</translation>
    </message>
    <message>
        <source>Catalog</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <source>Tag delete</source>
        <translation>Suppression de tag</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>non sondé</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupCandidatesModel</name>
    <message>
        <source>child of a tagged index</source>
        <translation>enfant d&apos;un index tagué</translation>
    </message>
    <message>
        <source>referrer of a live subject</source>
        <translation>referrer d&apos;un sujet vivant</translation>
    </message>
    <message>
        <source>orphaned referrer</source>
        <translation>referrer orphelin</translation>
    </message>
    <message>
        <source>replaced fallback index</source>
        <translation>index de repli remplacé</translation>
    </message>
    <message>
        <source>dangling image</source>
        <translation>image pendante</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>supprimé</translation>
    </message>
    <message>
        <source>already gone</source>
        <translation>déjà disparu</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>non tenté</translation>
    </message>
    <message>
        <source>The manifest and the blobs nothing else uses, as their descriptors claim; freed once the registry collects garbage</source>
        <translation>Le manifest et les blobs que rien d&apos;autre n&apos;utilise, selon leurs descripteurs&#xa0;; libérés quand la registry ramasse ses miettes</translation>
    </message>
    <message>
        <source>No age known: no created annotation, config date or tag history</source>
        <translation>Âge inconnu&#xa0;: ni annotation created, ni date dans la config, ni historique des tags</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>supprimer</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n jour</numerusform>
            <numerusform>%n jours</numerusform>
        </translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Politique</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Frees</source>
        <translation>Libère</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>Trouvé par</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupDialog</name>
    <message>
        <source>&amp;Back up to an OCI layout first:</source>
        <translation>&amp;Sauvegarder d&apos;abord dans un layout OCI&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Find Candidates</source>
        <translation>&amp;Trouver les candidats</translation>
    </message>
    <message>
        <source>&amp;Delete Selected…</source>
        <translation>Supprimer la sé&amp;lection…</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Arrêter</translation>
    </message>
    <message>
        <source>Save &amp;Report…</source>
        <translation>Enregistrer le &amp;rapport…</translation>
    </message>
    <message>
        <source>Clean Up %1</source>
        <translation>Nettoyer %1</translation>
    </message>
    <message>
        <source>Untagged manifests of &lt;b&gt;%1&lt;/b&gt;: what no tag reaches, found by reading every tag, Ocular&apos;s tag history and, when given, the registry&apos;s storage. Nothing is deleted until you confirm.</source>
        <translation>Manifests sans tag de &lt;b&gt;%1&lt;/b&gt;&#xa0;: ce qu&apos;aucun tag n&apos;atteint, trouvé en lisant chaque tag, l&apos;historique des tags d&apos;Ocular et, s&apos;il est donné, le stockage de la registry. Rien n&apos;est supprimé avant votre confirmation.</translation>
    </message>
    <message>
        <source>optional: docker-registry&apos;s filesystem storage root (read only, never written)</source>
        <translation>facultatif&#xa0;: racine du stockage sur disque de docker-registry (lue seulement, jamais écrite)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Parco&amp;urir…</translation>
    </message>
    <message>
        <source>Registry s&amp;torage:</source>
        <translation>Stoc&amp;kage de la registry&#xa0;:</translation>
    </message>
    <message>
        <source>Policy (what the table marks for deletion)</source>
        <translation>Politique (ce que le tableau marque pour suppression)</translation>
    </message>
    <message>
        <source>&amp;Load…</source>
        <translation>&amp;Charger…</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Enre&amp;gistrer sous…</translation>
    </message>
    <message>
        <source>a folder: an OCI image layout (index.json, blobs/)</source>
        <translation>un dossier&#xa0;: un layout d&apos;image OCI (index.json, blobs/)</translation>
    </message>
    <message>
        <source>Filter rows (digest, class, source, why…)</source>
        <translation>Filtrer les lignes (digest, classe, source, raison…)</translation>
    </message>
    <message>
        <source>Start no new delete until resumed (those in flight finish)</source>
        <translation>Ne lancer aucune nouvelle suppression avant la reprise (celles en cours se terminent)</translation>
    </message>
    <message>
        <source>Stop now: a delete in flight finishes, the rest is not attempted</source>
        <translation>Arrêter maintenant&#xa0;: une suppression en cours se termine, le reste n&apos;est pas tenté</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Étape %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>Press Find Candidates to read the repository (reads only).</source>
        <translation>Appuyez sur «&#xa0;Trouver les candidats&#xa0;» pour lire le dépôt (lecture seule).</translation>
    </message>
    <message>
        <source>Reading the tag history…</source>
        <translation>Lecture de l&apos;historique des tags…</translation>
    </message>
    <message>
        <source>Reading the tag history and the storage…</source>
        <translation>Lecture de l&apos;historique des tags et du stockage…</translation>
    </message>
    <message>
        <source>Cannot start: %1</source>
        <translation>Impossible de commencer&#xa0;: %1</translation>
    </message>
    <message>
        <source>Reading every tag of %1 and what it reaches, then each digest only the history or the storage names…</source>
        <translation>Lecture de chaque tag de %1 et de ce qu&apos;il atteint, puis de chaque digest que seuls l&apos;historique ou le stockage nomment…</translation>
    </message>
    <message>
        <source>Stopped: nothing was found, nothing was changed.</source>
        <translation>Arrêté&#xa0;: rien n&apos;a été trouvé, rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Discovery failed: %1</source>
        <translation>La recherche a échoué&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) could not be read; the table holds the rest: %1</source>
        <translation>
            <numerusform>%n élément n&apos;a pas pu être lu&#xa0;; le tableau contient le reste&#xa0;: %1</numerusform>
            <numerusform>%n éléments n&apos;ont pas pu être lus&#xa0;; le tableau contient le reste&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run: nothing was deleted. Review the table, then Delete Selected…</source>
        <translation>Essai à blanc&#xa0;: rien n&apos;a été supprimé. Vérifiez le tableau, puis «&#xa0;Supprimer la sélection…&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Found %n untagged manifest(s).</source>
        <translation>
            <numerusform>%n manifest sans tag trouvé.</numerusform>
            <numerusform>%n manifests sans tag trouvés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are in use and never deleted.</source>
        <translation>
            <numerusform>%n d&apos;entre eux est utilisé et jamais supprimé.</numerusform>
            <numerusform>%n d&apos;entre eux sont utilisés et jamais supprimés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The policy selects %n, freeing %1 once the registry collects garbage.</source>
        <translation>
            <numerusform>La politique en sélectionne %n, qui libère %1 quand la registry ramasse ses miettes.</numerusform>
            <numerusform>La politique en sélectionne %n, qui libèrent %1 quand la registry ramasse ses miettes.</numerusform>
        </translation>
    </message>
    <message>
        <source>The policy selects nothing until its problem is fixed.</source>
        <translation>La politique ne sélectionne rien tant que son problème n&apos;est pas corrigé.</translation>
    </message>
    <message>
        <source>Delete Untagged Manifests</source>
        <translation>Supprimer les manifests sans tag</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n manifest(s) from %1?</source>
        <translation>
            <numerusform>Supprimer %n manifest de %1&#xa0;?</numerusform>
            <numerusform>Supprimer %n manifests de %1&#xa0;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Together they free %1 once the registry collects garbage.</source>
        <translation>Ensemble, ils libèrent %1 quand la registry ramasse ses miettes.</translation>
    </message>
    <message>
        <source>Each is checked again just before it is deleted, and skipped if a tag names it by then.</source>
        <translation>Chacun est revérifié juste avant sa suppression, et ignoré si un tag le nomme entre-temps.</translation>
    </message>
    <message>
        <source>They are copied to the OCI layout %1 and read back first.</source>
        <translation>Ils sont d&apos;abord copiés dans le layout OCI %1 puis relus.</translation>
    </message>
    <message>
        <source>There is no backup: this cannot be undone.</source>
        <translation>Il n&apos;y a pas de sauvegarde&#xa0;: c&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n manifest(s)…</source>
        <translation>
            <numerusform>Suppression de %n manifest…</numerusform>
            <numerusform>Suppression de %n manifests…</numerusform>
        </translation>
    </message>
    <message>
        <source>The run failed before deleting anything: %1</source>
        <translation>L&apos;exécution a échoué avant toute suppression&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted (%1 reclaimable).</source>
        <translation>
            <numerusform>%n supprimé (%1 récupérables).</numerusform>
            <numerusform>%n supprimés (%1 récupérables).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n ignoré.</numerusform>
            <numerusform>%n ignorés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already gone.</source>
        <translation>
            <numerusform>%n déjà disparu.</numerusform>
            <numerusform>%n déjà disparus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed.</source>
        <translation>
            <numerusform>%n échoué.</numerusform>
            <numerusform>%n échoués.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not attempted.</source>
        <translation>
            <numerusform>%n non tenté.</numerusform>
            <numerusform>%n non tentés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The run was stopped.</source>
        <translation>L&apos;exécution a été arrêtée.</translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s) were backed up to %1 first.</source>
        <translation>
            <numerusform>%n manifest a d&apos;abord été sauvegardé dans %1.</numerusform>
            <numerusform>%n manifests ont d&apos;abord été sauvegardés dans %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>There is no run to report on yet.</source>
        <translation>Il n&apos;y a pas encore d&apos;exécution à rapporter.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Impossible d&apos;écrire %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Stopped: the Cleanup window was closed.</source>
        <translation>Arrêté&#xa0;: la fenêtre de nettoyage a été fermée.</translation>
    </message>
    <message>
        <source>Choose the backup folder first</source>
        <translation>Choisissez d&apos;abord le dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Registry Storage Root</source>
        <translation>Racine du stockage de la registry</translation>
    </message>
    <message>
        <source>Back Up To</source>
        <translation>Sauvegarder vers</translation>
    </message>
    <message>
        <source>Load Cleanup Policy</source>
        <translation>Charger une politique de nettoyage</translation>
    </message>
    <message>
        <source>Cleanup policies (*.json)</source>
        <translation>Politiques de nettoyage (*.json)</translation>
    </message>
    <message>
        <source>Save Cleanup Policy</source>
        <translation>Enregistrer la politique de nettoyage</translation>
    </message>
    <message>
        <source>Save Cleanup Report</source>
        <translation>Enregistrer le rapport de nettoyage</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV report (*.csv)</source>
        <translation>Rapport JSON (*.json);;Rapport CSV (*.csv)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Resu&amp;me</source>
        <translation>Reprendr&amp;e</translation>
    </message>
</context>
<context>
    <name>ocular::CleanupPolicyForm</name>
    <message>
        <source>&amp;Orphaned referrers</source>
        <translation>Referrers &amp;orphelins</translation>
    </message>
    <message>
        <source>&amp;Unknown</source>
        <translation>&amp;Inconnus</translation>
    </message>
    <message>
        <source>Untagged manifests nothing explains: only selected when ticked</source>
        <translation>Manifests sans tag que rien n&apos;explique&#xa0;: sélectionnés seulement si coché</translation>
    </message>
    <message>
        <source>any age</source>
        <translation>tout âge</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>A manifest whose age is unknown never qualifies once this is set</source>
        <translation>Un manifest d&apos;âge inconnu n&apos;est jamais retenu une fois ceci réglé</translation>
    </message>
    <message>
        <source>any size</source>
        <translation>toute taille</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>any; e.g. application/vnd.example.*, application/spdx+json</source>
        <translation>tous&#xa0;; p. ex. application/vnd.example.*, application/spdx+json</translation>
    </message>
    <message>
        <source>any; e.g. org.example.team=web, org.opencontainers.image.source~^https://</source>
        <translation>toutes&#xa0;; p. ex. org.example.team=web, org.opencontainers.image.source~^https://</translation>
    </message>
    <message>
        <source>Delete:</source>
        <translation>Supprimer&#xa0;:</translation>
    </message>
    <message>
        <source>Artifact t&amp;ypes:</source>
        <translation>T&amp;ypes d&apos;artefact&#xa0;:</translation>
    </message>
    <message>
        <source>A&amp;nnotations:</source>
        <translation>A&amp;nnotations&#xa0;:</translation>
    </message>
    <message>
        <source>Tick at least one class to delete.</source>
        <translation>Cochez au moins une classe à supprimer.</translation>
    </message>
    <message>
        <source>Dan&amp;gling images</source>
        <translation>Images pen&amp;dantes</translation>
    </message>
    <message>
        <source>Replaced fallback inde&amp;xes</source>
        <translation>Inde&amp;x de repli remplacés</translation>
    </message>
    <message>
        <source>Older t&amp;han:</source>
        <translation>Plus &amp;vieux que&#xa0;:</translation>
    </message>
    <message>
        <source>Fr&amp;ees at least:</source>
        <translation>Libère au &amp;moins&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ocular::ContentView</name>
    <message>
        <source>Formatting…</source>
        <translation>Mise en forme…</translation>
    </message>
</context>
<context>
    <name>ocular::CopyToDialog</name>
    <message>
        <source>Copy what refers to it too (signatures, SBOMs, attestations), recursively</source>
        <translation>Copier aussi ce qui y fait référence (signatures, SBOM, attestations), récursivement</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy To</source>
        <translation>Copier vers</translation>
    </message>
    <message>
        <source>Copies byte for byte: every digest is kept; blobs are mounted when the destination is another repository of the same registry.</source>
        <translation>Copie octet par octet&#xa0;: chaque digest est conservé&#xa0;; les blobs sont montés quand la destination est un autre dépôt de la même registry.</translation>
    </message>
    <message>
        <source>none: by digest only</source>
        <translation>aucun&#xa0;: par digest uniquement</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>De&#xa0;:</translation>
    </message>
    <message>
        <source>To &amp;registry:</source>
        <translation>Vers la &amp;registry&#xa0;:</translation>
    </message>
    <message>
        <source>R&amp;epository:</source>
        <translation>&amp;Dépôt&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag&#xa0;:</translation>
    </message>
    <message>
        <source>What the copy did appears here.</source>
        <translation>Le résultat de la copie apparaît ici.</translation>
    </message>
    <message>
        <source>Name the destination registry (host[:port] or a URL).</source>
        <translation>Indiquez la registry de destination (hôte[:port] ou une URL).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid repository name (lower-case path components separated by &apos;/&apos;).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de dépôt valide (composants de chemin en minuscules séparés par &apos;/&apos;).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid tag.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un tag valide.</translation>
    </message>
    <message>
        <source>That is where it already is: choose another repository, registry or tag.</source>
        <translation>C&apos;est déjà là&#xa0;: choisissez un autre dépôt, une autre registry ou un autre tag.</translation>
    </message>
    <message>
        <source>No other registry is open.</source>
        <translation>Aucune autre registry n&apos;est ouverte.</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Copying to %1/%2…</source>
        <translation>Copie vers %1/%2…</translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation>Digest&#xa0;: %1</translation>
    </message>
    <message>
        <source>Manifests: %1 written, %2 of them referrers</source>
        <translation>Manifests&#xa0;: %1 écrits, dont %2 referrers</translation>
    </message>
    <message>
        <source>Blobs: %1 sent (%2), %3 mounted, %4 already there</source>
        <translation>Blobs&#xa0;: %1 envoyés (%2), %3 montés, %4 déjà présents</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignorés&#xa0;: %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancelled. What was already sent stays in the destination, untagged; the tag was not written.</source>
        <translation>Annulé. Ce qui a déjà été envoyé reste dans la destination, sans tag&#xa0;; le tag n&apos;a pas été écrit.</translation>
    </message>
    <message>
        <source>The copy failed: %1</source>
        <translation>La copie a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copied to %1/%2@%3.</source>
        <translation>Copié vers %1/%2@%3.</translation>
    </message>
    <message>
        <source>Copied to %1/%2:%3.</source>
        <translation>Copié vers %1/%2:%3.</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPlanLoader</name>
    <message>
        <source>The registry is no longer open.</source>
        <translation>La registry n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>Resolving %1:%2…</source>
        <translation>Résolution de %1:%2…</translation>
    </message>
    <message>
        <source>Could not resolve the tag %1: %2</source>
        <translation>Impossible de résoudre le tag %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not read the manifest %1: %2</source>
        <translation>Impossible de lire le manifest %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Could not read the repository %1: %2</source>
        <translation>Impossible de lire le dépôt %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Reading every tag and manifest of %1 to see what the delete touches…</source>
        <translation>Lecture de tous les tags et manifests de %1 pour voir ce que touche la suppression…</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Working out what the delete does…</source>
        <translation>Calcul de l&apos;effet de la suppression…</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPlanTree</name>
    <message>
        <source>manifest (not read)</source>
        <translation>manifest (non lu)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Manifest deleted by digest</source>
        <translation>Manifest supprimé par digest</translation>
    </message>
    <message>
        <source>%1 manifests deleted by digest, in this order</source>
        <translation>%1 manifests supprimés par digest, dans cet ordre</translation>
    </message>
    <message>
        <source> — referrer of %1 (%2)</source>
        <translation> — referrer de %1 (%2)</translation>
    </message>
    <message>
        <source> — known by its digest only</source>
        <translation> — connu par son digest uniquement</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>tag %1</translation>
    </message>
    <message>
        <source>goes with it</source>
        <translation>part avec lui</translation>
    </message>
    <message>
        <source>Tags removed: none (nothing tags these manifests)</source>
        <translation>Tags retirés&#xa0;: aucun (aucun tag ne désigne ces manifests)</translation>
    </message>
    <message>
        <source>Tags removed (%1): a delete by digest removes every tag on it</source>
        <translation>Tags retirés (%1)&#xa0;: une suppression par digest retire tous ses tags</translation>
    </message>
    <message>
        <source>Indexes that break (%1): they stay and name a deleted manifest</source>
        <translation>Index cassés (%1)&#xa0;: ils restent et désignent un manifest supprimé</translation>
    </message>
    <message>
        <source>untagged index</source>
        <translation>index sans tag</translation>
    </message>
    <message>
        <source>tags: %1</source>
        <translation>tags&#xa0;: %1</translation>
    </message>
    <message>
        <source>entry that would be gone</source>
        <translation>entrée qui disparaîtrait</translation>
    </message>
    <message>
        <source>Referrers left without their subject (%1)</source>
        <translation>Referrers privés de leur sujet (%1)</translation>
    </message>
    <message>
        <source>referrer of %1 (%2)</source>
        <translation>referrer de %1 (%2)</translation>
    </message>
    <message>
        <source>; tags: %1</source>
        <translation> ; tags&#xa0;: %1</translation>
    </message>
    <message>
        <source>Fallback index entries removed (%1)</source>
        <translation>Entrées retirées de l&apos;index de repli (%1)</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>entrée %1</translation>
    </message>
    <message>
        <source> (not seen listed; checked anyway)</source>
        <translation> (non vu dans la liste&#xa0;; vérifié quand même)</translation>
    </message>
    <message>
        <source> (no such tag now; checked anyway)</source>
        <translation> (ce tag n&apos;existe plus&#xa0;; vérifié quand même)</translation>
    </message>
    <message>
        <source>Fallback tags left empty, and deleted (%1)</source>
        <translation>Tags de repli laissés vides, et supprimés (%1)</translation>
    </message>
    <message>
        <source>its index loses its last entry</source>
        <translation>son index perd sa dernière entrée</translation>
    </message>
    <message>
        <source>Entries of deleted indexes that stay (%1)</source>
        <translation>Entrées d&apos;index supprimés qui restent (%1)</translation>
    </message>
    <message>
        <source>left untagged</source>
        <translation>reste sans tag</translation>
    </message>
    <message>
        <source>still tagged</source>
        <translation>a encore un tag</translation>
    </message>
    <message>
        <source>Listed as referrers but kept (%1)</source>
        <translation>Listés comme referrers mais conservés (%1)</translation>
    </message>
    <message>
        <source>Not seen (%1)</source>
        <translation>Non vus (%1)</translation>
    </message>
</context>
<context>
    <name>ocular::DeletionPreviewDialog</name>
    <message>
        <source>1 tag</source>
        <translation>1 tag</translation>
    </message>
    <message>
        <source>%1 tags</source>
        <translation>%1 tags</translation>
    </message>
    <message>
        <source>1 manifest</source>
        <translation>1 manifest</translation>
    </message>
    <message>
        <source>%1 manifests</source>
        <translation>%1 manifests</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Delete from %1</source>
        <translation>Supprimer de %1</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Supprimer %1</translation>
    </message>
    <message>
        <source>A manifest is deleted by its digest, and every tag naming it goes with it. Nothing is changed until you press the delete button; the plan is checked against the registry again just before.</source>
        <translation>Un manifest est supprimé par son digest, et chaque tag qui le désigne part avec lui. Rien n&apos;est modifié avant que vous appuyiez sur le bouton de suppression&#xa0;; le plan est de nouveau vérifié auprès de la registry juste avant.</translation>
    </message>
    <message>
        <source>The registry was closed during the delete; what it had already accepted stays done.</source>
        <translation>La registry a été fermée pendant la suppression&#xa0;; ce qu&apos;elle avait déjà accepté reste fait.</translation>
    </message>
    <message>
        <source>The registry was closed; nothing was changed.</source>
        <translation>La registry a été fermée&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Delete manifest</source>
        <translation>Supprimer le manifest</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>Delete %1@%2</source>
        <translation>Supprimer %1@%2</translation>
    </message>
    <message>
        <source>Also delete the referrers (signatures, SBOMs…) and theirs, recursively</source>
        <translation>Supprimer aussi les referrers (signatures, SBOM…) et les leurs, récursivement</translation>
    </message>
    <message>
        <source>Also delete the referrer (signature, SBOM…) and its own, recursively</source>
        <translation>Supprimer aussi le referrer (signature, SBOM…) et les siens, récursivement</translation>
    </message>
    <message>
        <source>Also delete the %1 referrers (signatures, SBOMs…) and theirs, recursively</source>
        <translation>Supprimer aussi les %1 referrers (signatures, SBOM…) et les leurs, récursivement</translation>
    </message>
    <message>
        <source>Delete anyway, and break the index listed above</source>
        <translation>Supprimer quand même, et casser l&apos;index listé ci-dessus</translation>
    </message>
    <message>
        <source>Delete anyway, and break the %1 indexes listed above</source>
        <translation>Supprimer quand même, et casser les %1 index listés ci-dessus</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Refusé&#xa0;: %1</translation>
    </message>
    <message>
        <source>Tick “Delete anyway” to delete it regardless.</source>
        <translation>Cochez «&#xa0;Supprimer quand même&#xa0;» pour le supprimer malgré tout.</translation>
    </message>
    <message>
        <source>Review what goes, then press “%1”.</source>
        <translation>Vérifiez ce qui disparaît, puis appuyez sur «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>%1
Nothing was changed.</source>
        <translation>%1
Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>The registry is no longer open; nothing was changed.</source>
        <translation>La registry n&apos;est plus ouverte&#xa0;; rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Checking that the registry still matches the plan…</source>
        <translation>Vérification que la registry correspond toujours au plan…</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>Étape %1 sur %2</translation>
    </message>
    <message>
        <source>The delete could not run: %1</source>
        <translation>La suppression n&apos;a pas pu s&apos;exécuter&#xa0;: %1</translation>
    </message>
    <message>
        <source>Deleted %1 and %2 from %3.</source>
        <translation>%1 et %2 supprimés de %3.</translation>
    </message>
    <message>
        <source>%1 was already gone (deleted by someone else meanwhile).</source>
        <translation>%1 avait déjà disparu (supprimé par quelqu&apos;un d&apos;autre entre-temps).</translation>
    </message>
    <message>
        <source>Fallback tag %1 was not updated: %2</source>
        <translation>Le tag de repli %1 n&apos;a pas été mis à jour&#xa0;: %2</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Nothing was deleted: %1</source>
        <translation>Rien n&apos;a été supprimé&#xa0;: %1</translation>
    </message>
    <message>
        <source>The delete stopped after %1 of %2: %3</source>
        <translation>La suppression s&apos;est arrêtée après %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <source>tag %1 is gone</source>
        <translation>le tag %1 a disparu</translation>
    </message>
    <message>
        <source>tag %1 appeared on %2</source>
        <translation>le tag %1 est apparu sur %2</translation>
    </message>
    <message>
        <source>tag %1 moved from %2 to %3</source>
        <translation>le tag %1 a été déplacé de %2 vers %3</translation>
    </message>
    <message>
        <source>The registry changed since the plan was made (%1), so nothing was deleted. Below is the plan made again from the registry as it is now: review it before deleting.</source>
        <translation>La registry a changé depuis l&apos;établissement du plan (%1), rien n&apos;a donc été supprimé. Ci-dessous, le plan refait à partir de la registry telle qu&apos;elle est maintenant&#xa0;: vérifiez-le avant de supprimer.</translation>
    </message>
    <message>
        <source>a tag moved</source>
        <translation>un tag a été déplacé</translation>
    </message>
    <message>
        <source>Refused: nothing was sent to the registry. %1</source>
        <translation>Refusé&#xa0;: rien n&apos;a été envoyé à la registry. %1</translation>
    </message>
    <message>
        <source>Cancelled: nothing was changed.</source>
        <translation>Annulé&#xa0;: rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Cancelled. Deletes the registry already accepted stay done; the tree is read again to show what is left.</source>
        <translation>Annulé. Les suppressions déjà acceptées par la registry restent faites&#xa0;; l&apos;arborescence est relue pour montrer ce qui reste.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>Suppression…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ocular::DemoSession</name>
    <message>
        <source>Seeding demo content… (%1 of %2: %3)</source>
        <translation>Ajout du contenu de démonstration… (%1 sur %2&#xa0;: %3)</translation>
    </message>
    <message>
        <source>Preparing the demo registry: pushing its content (step %1 of %2: %3). It opens here when done.</source>
        <translation>Préparation de la registry de démonstration&#xa0;: envoi de son contenu (étape %1 sur %2&#xa0;: %3). Elle s&apos;ouvre ici une fois prête.</translation>
    </message>
    <message>
        <source>The demo registry stopped unexpectedly: %1</source>
        <translation>La registry de démonstration s&apos;est arrêtée de façon inattendue&#xa0;: %1</translation>
    </message>
    <message>
        <source>Starting demo registry…</source>
        <translation>Démarrage de la registry de démonstration…</translation>
    </message>
    <message>
        <source>Starting the demo registry…</source>
        <translation>Démarrage de la registry de démonstration…</translation>
    </message>
    <message>
        <source>The demo registry did not start: %1</source>
        <translation>La registry de démonstration n&apos;a pas démarré&#xa0;: %1</translation>
    </message>
    <message>
        <source>Seeding demo content…</source>
        <translation>Ajout du contenu de démonstration…</translation>
    </message>
    <message>
        <source>Preparing the demo registry: pushing its content…</source>
        <translation>Préparation de la registry de démonstration&#xa0;: envoi de son contenu…</translation>
    </message>
    <message>
        <source>Seeding the demo registry failed: %1</source>
        <translation>L&apos;alimentation de la registry de démonstration a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Demo registry key</source>
        <translation>Clé de la registry de démonstration</translation>
    </message>
</context>
<context>
    <name>ocular::InspectorPanel</name>
    <message>
        <source>Repository</source>
        <translation>Dépôt</translation>
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
        <translation>Referrers</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Groupe</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Type de média</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Total size</source>
        <translation>Taille totale</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Raw</source>
        <translation>Brut</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Loading was cancelled. Select it again or press F5 to retry.</source>
        <translation>Le chargement a été annulé. Sélectionnez-le de nouveau ou appuyez sur F5 pour réessayer.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Rien de sélectionné</translation>
    </message>
    <message>
        <source>Select a tag, a platform, a config or a layer to inspect it.</source>
        <translation>Sélectionnez un tag, une plateforme, une config ou un layer pour l&apos;inspecter.</translation>
    </message>
    <message>
        <source>Repository %1. Expand it to see its tags; select a tag to see its manifest.</source>
        <translation>Dépôt %1. Dépliez-le pour voir ses tags&#xa0;; sélectionnez un tag pour voir son manifest.</translation>
    </message>
    <message>
        <source>Tags that hold signatures, SBOMs, attestations and referrers indexes, grouped by the manifest they belong to. Select one to inspect it; View ▸ Group Attachment Tags lists them with the other tags.</source>
        <translation>Tags contenant des signatures, SBOM, attestations et index de referrers, groupés par le manifest auquel ils appartiennent. Sélectionnez-en un pour l&apos;inspecter&#xa0;; Affichage ▸ Grouper les tags d&apos;attachement les liste avec les autres tags.</translation>
    </message>
    <message>
        <source>Loading manifest…</source>
        <translation>Chargement du manifest…</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>manifest</translation>
    </message>
    <message>
        <source>descriptor</source>
        <translation>descripteur</translation>
    </message>
    <message numerus="yes">
        <source>%n manifest(s), %1 of manifests</source>
        <translation>
            <numerusform>%n manifest, %1 des manifests</numerusform>
            <numerusform>%n manifests, %1 des manifests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in config and %n layer(s)</source>
        <translation>
            <numerusform>dans la config et %n layer</numerusform>
            <numerusform>dans la config et %n layers</numerusform>
        </translation>
    </message>
    <message>
        <source>This blob is %1; only blobs up to %2 are previewed.</source>
        <translation>Ce blob fait %1&#xa0;; seuls les blobs jusqu&apos;à %2 sont prévisualisés.</translation>
    </message>
    <message>
        <source>Loading config…</source>
        <translation>Chargement de la config…</translation>
    </message>
    <message>
        <source>Loading config %1…</source>
        <translation>Chargement de la config %1…</translation>
    </message>
    <message>
        <source>Could not load the config: %1</source>
        <translation>Impossible de charger la config&#xa0;: %1</translation>
    </message>
    <message>
        <source>The content of this %1 blob is not previewed (%2).</source>
        <translation>Le contenu de ce blob %1 n&apos;est pas prévisualisé (%2).</translation>
    </message>
    <message>
        <source>Loading blob %1…</source>
        <translation>Chargement du blob %1…</translation>
    </message>
    <message>
        <source>Could not load the blob: %1</source>
        <translation>Impossible de charger le blob&#xa0;: %1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Ouverture de %1…</translation>
    </message>
    <message>
        <source>Loading %1@%2…</source>
        <translation>Chargement de %1@%2…</translation>
    </message>
    <message>
        <source>Blob: %1</source>
        <translation>Blob&#xa0;: %1</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
    </message>
</context>
<context>
    <name>ocular::KeyboardShortcutsDialog</name>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Filter by action, menu or key</source>
        <translation>Filtrer par action, menu ou touche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Raccourci</translation>
    </message>
    <message>
        <source>Works in</source>
        <translation>Actif dans</translation>
    </message>
</context>
<context>
    <name>ocular::KeychainCredentialSource</name>
    <message>
        <source>OS keychain</source>
        <translation>Trousseau du système</translation>
    </message>
    <message>
        <source>The OS keychain could not be read: %1</source>
        <translation>Le trousseau du système n&apos;a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The OS keychain did not answer: %1</source>
        <translation>Le trousseau du système n&apos;a pas répondu&#xa0;: %1</translation>
    </message>
    <message>
        <source>The OS keychain could not save the credentials: %1</source>
        <translation>Le trousseau du système n&apos;a pas pu enregistrer les identifiants&#xa0;: %1</translation>
    </message>
    <message>
        <source>The OS keychain could not remove the credentials: %1</source>
        <translation>Le trousseau du système n&apos;a pas pu supprimer les identifiants&#xa0;: %1</translation>
    </message>
    <message>
        <source>no reply within %1 seconds</source>
        <translation>pas de réponse en %1 secondes</translation>
    </message>
</context>
<context>
    <name>ocular::LoginDialog</name>
    <message>
        <source>This is an identity (refresh) token, not a password</source>
        <translation>Ceci est un jeton d&apos;identité (refresh), pas un mot de passe</translation>
    </message>
    <message>
        <source>Only for this session</source>
        <translation>Pour cette session uniquement</translation>
    </message>
    <message>
        <source>In the system keychain</source>
        <translation>Dans le trousseau du système</translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation>Connexion à %1</translation>
    </message>
    <message>
        <source>Log In</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nom d&apos;utilisateur&#xa0;:</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>Mot de passe ou jeton&#xa0;:</translation>
    </message>
    <message>
        <source>Remember the credentials</source>
        <translation>Mémoriser les identifiants</translation>
    </message>
    <message>
        <source>Ocular never writes credentials to its settings or to plain files.</source>
        <translation>Ocular n&apos;écrit jamais d&apos;identifiants dans ses paramètres ni dans des fichiers en clair.</translation>
    </message>
    <message>
        <source>A username cannot contain &apos;:&apos;.</source>
        <translation>Un nom d&apos;utilisateur ne peut pas contenir &apos;:&apos;.</translation>
    </message>
    <message>
        <source>Enter the password or token.</source>
        <translation>Saisissez le mot de passe ou le jeton.</translation>
    </message>
    <message>
        <source>Enter the username (only identity tokens work without one).</source>
        <translation>Saisissez le nom d&apos;utilisateur (seuls les jetons d&apos;identité fonctionnent sans).</translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (none is configured)</source>
        <translation>Avec l&apos;assistant d&apos;identifiants de docker (aucun n&apos;est configuré)</translation>
    </message>
    <message>
        <source>With docker&apos;s credential helper (docker-credential-%1)</source>
        <translation>Avec l&apos;assistant d&apos;identifiants de docker (docker-credential-%1)</translation>
    </message>
    <message>
        <source>login dialog (this session)</source>
        <translation>boîte de connexion (cette session)</translation>
    </message>
    <message>
        <source>OS keychain</source>
        <translation>Trousseau du système</translation>
    </message>
    <message>
        <source>credential helper docker-credential-%1</source>
        <translation>assistant d&apos;identifiants docker-credential-%1</translation>
    </message>
</context>
<context>
    <name>ocular::MainWindow</name>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>%n ligne exportée vers %1</numerusform>
            <numerusform>%n lignes exportées vers %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Open a registry before pushing.</source>
        <translation>Ouvrez une registry avant de pousser.</translation>
    </message>
    <message>
        <source>Pushed %1 to %2</source>
        <translation>%1 poussé vers %2</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Ajoutez ou sélectionnez d&apos;abord une registry.</translation>
    </message>
    <message>
        <source>Open Repository</source>
        <translation>Ouvrir un dépôt</translation>
    </message>
    <message>
        <source>Repository, tag or digest in %1
(team/service, team/service:v1 or team/service@sha256:…):</source>
        <translation>Dépôt, tag ou digest dans %1
(team/service, team/service:v1 ou team/service@sha256:…)&#xa0;:</translation>
    </message>
    <message>
        <source>The digest of this node is not known yet.</source>
        <translation>Le digest de ce nœud n&apos;est pas encore connu.</translation>
    </message>
    <message>
        <source>Select a repository, tag or manifest first.</source>
        <translation>Sélectionnez d&apos;abord un dépôt, un tag ou un manifest.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>Search stopped: %1 was selected.</source>
        <translation>Recherche arrêtée&#xa0;: %1 a été sélectionné.</translation>
    </message>
    <message>
        <source>Search stopped: another registry was opened.</source>
        <translation>Recherche arrêtée&#xa0;: une autre registry a été ouverte.</translation>
    </message>
    <message>
        <source>Registry not added: %1</source>
        <translation>Registry non ajoutée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Select a repository to search in first.</source>
        <translation>Sélectionnez d’abord un dépôt dans lequel chercher.</translation>
    </message>
    <message>
        <source>Open OCI Layout</source>
        <translation>Ouvrir un layout OCI</translation>
    </message>
    <message>
        <source>Cannot open %1 as an OCI layout: %2</source>
        <translation>Impossible d’ouvrir %1 comme layout OCI&#xa0;: %2</translation>
    </message>
    <message>
        <source>Select a repository to clean up first.</source>
        <translation>Sélectionnez d&apos;abord un dépôt à nettoyer.</translation>
    </message>
    <message>
        <source>Cleanup works on registries: an OCI layout is a folder, delete from it with its own tools.</source>
        <translation>Le nettoyage porte sur les registries&#xa0;: un layout OCI est un dossier, supprimez-y avec ses propres outils.</translation>
    </message>
    <message>
        <source>Cleanup deleted manifests of %1.</source>
        <translation>Le nettoyage a supprimé des manifests de %1.</translation>
    </message>
    <message>
        <source>Select a tag or a repository first.</source>
        <translation>Sélectionnez d&apos;abord un tag ou un dépôt.</translation>
    </message>
    <message>
        <source>Ocular records the tags of registries, not of OCI layouts.</source>
        <translation>Ocular enregistre les tags des registries, pas ceux des layouts OCI.</translation>
    </message>
</context>
<context>
    <name>ocular::MainWindowActions</name>
    <message>
        <source>&amp;Add Registry…</source>
        <translation>&amp;Ajouter une registry…</translation>
    </message>
    <message>
        <source>&amp;Open Repository…</source>
        <translation>&amp;Ouvrir un dépôt…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>&amp;Cancel Loading</source>
        <translation>A&amp;nnuler le chargement</translation>
    </message>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>Copier la &amp;référence</translation>
    </message>
    <message>
        <source>Copy &amp;Digest Reference</source>
        <translation>Copier la référence par &amp;digest</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Push Artifact…</source>
        <translation>&amp;Pousser un artefact…</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>Ajouter un &amp;tag…</translation>
    </message>
    <message>
        <source>Cop&amp;y To…</source>
        <translation>Cop&amp;ier vers…</translation>
    </message>
    <message>
        <source>Re&amp;move Tag…</source>
        <translation>Retirer le ta&amp;g…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Supply Chain</source>
        <translation>&amp;Chaîne d&apos;approvisionnement</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;About Ocular</source>
        <translation>À &amp;propos d&apos;Ocular</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>À propos de &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>&amp;Group Attachment Tags</source>
        <translation>&amp;Grouper les tags d&apos;attachement</translation>
    </message>
    <message>
        <source>List sha256-… fallback tags and cosign .sig/.att/.sbom tags in an Attachments group under their subject, away from the other tags</source>
        <translation>Lister les tags de repli sha256-… et les tags cosign .sig/.att/.sbom dans un groupe Attachements sous leur sujet, à l&apos;écart des autres tags</translation>
    </message>
    <message>
        <source>&amp;Find in Repository…</source>
        <translation>&amp;Rechercher dans le dépôt…</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Open OCI &amp;Layout…</source>
        <translation>Ouvrir un &amp;layout OCI…</translation>
    </message>
    <message>
        <source>Clean &amp;Up Repository…</source>
        <translation>&amp;Nettoyer le dépôt…</translation>
    </message>
    <message>
        <source>Tag &amp;History…</source>
        <translation>&amp;Historique du tag…</translation>
    </message>
</context>
<context>
    <name>ocular::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <source>Disk cache limit:</source>
        <translation>Limite du cache disque&#xa0;:</translation>
    </message>
    <message>
        <source>Manifests and blobs fetched by digest are kept on disk up to this size; the least recently used go first.</source>
        <translation>Les manifests et blobs récupérés par digest sont gardés sur disque jusqu&apos;à cette taille&#xa0;; les moins récemment utilisés partent en premier.</translation>
    </message>
    <message>
        <source>In use:</source>
        <translation>Utilisé&#xa0;:</translation>
    </message>
    <message>
        <source>no disk cache in this session</source>
        <translation>pas de cache disque dans cette session</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>mesure…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Langue&#xa0;:</translation>
    </message>
    <message>
        <source>A new language takes effect after a restart.</source>
        <translation>Une nouvelle langue prend effet après un redémarrage.</translation>
    </message>
</context>
<context>
    <name>ocular::PushArtifactDialog</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
    <message>
        <source> · %1/s</source>
        <translation> · %1/s</translation>
    </message>
    <message numerus="yes">
        <source> · %n s left</source>
        <translation>
            <numerusform> · %n s restante</numerusform>
            <numerusform> · %n s restantes</numerusform>
        </translation>
    </message>
    <message>
        <source>SPDX SBOM</source>
        <translation>SBOM SPDX</translation>
    </message>
    <message>
        <source>CycloneDX SBOM</source>
        <translation>SBOM CycloneDX</translation>
    </message>
    <message>
        <source>in-toto attestation</source>
        <translation>attestation in-toto</translation>
    </message>
    <message>
        <source>Notation signature</source>
        <translation>signature Notation</translation>
    </message>
    <message>
        <source>cosign (Sigstore bundle)</source>
        <translation>cosign (bundle Sigstore)</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Delete the fallback index this push replaces (left untagged)</source>
        <translation>Supprimer l&apos;index de repli que cet envoi remplace (laissé sans tag)</translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation>&amp;Aperçu</translation>
    </message>
    <message>
        <source>&amp;Push</source>
        <translation>&amp;Pousser</translation>
    </message>
    <message>
        <source>&amp;Cancel Push</source>
        <translation>A&amp;nnuler l&apos;envoi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Push Artifact</source>
        <translation>Pousser un artefact</translation>
    </message>
    <message>
        <source>team/app</source>
        <translation>team/app</translation>
    </message>
    <message>
        <source>optional: pushed by digest only when empty</source>
        <translation>facultatif&#xa0;: poussé par digest uniquement si vide</translation>
    </message>
    <message>
        <source>optional: a tag or sha256:… in the same repository</source>
        <translation>facultatif&#xa0;: un tag ou sha256:… dans le même dépôt</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personnalisé</translation>
    </message>
    <message>
        <source>application/vnd.example.thing.v1+json</source>
        <translation>application/vnd.example.thing.v1+json</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Type de média</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Drop files here, or use Add Files…. Media type and title are editable (double-click).</source>
        <translation>Déposez des fichiers ici, ou utilisez Ajouter des fichiers…. Le type de média et le titre sont modifiables (double-clic).</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Without the referrers API, attaching rewrites the subject&apos;s sha256-… fallback index; the previous index stays in the repository untagged unless deleted.</source>
        <translation>Sans API referrers, joindre réécrit l&apos;index de repli sha256-… du sujet&#xa0;; l&apos;index précédent reste dans le dépôt sans tag, sauf s&apos;il est supprimé.</translation>
    </message>
    <message>
        <source>Preview builds the manifest from the fields (hashing the files) without sending anything.</source>
        <translation>L&apos;aperçu construit le manifest à partir des champs (en hachant les fichiers) sans rien envoyer.</translation>
    </message>
    <message>
        <source>&amp;Repository:</source>
        <translation>&amp;Dépôt&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Tag:</source>
        <translation>&amp;Tag&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation>&amp;Sujet&#xa0;:</translation>
    </message>
    <message>
        <source>Artifact t&amp;ype:</source>
        <translation>T&amp;ype d&apos;artefact&#xa0;:</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Manifest preview</source>
        <translation>Aperçu du manifest</translation>
    </message>
    <message>
        <source>Subject &quot;%1&quot; is neither a tag nor a sha256:… digest.</source>
        <translation>Le sujet «&#xa0;%1&#xa0;» n&apos;est ni un tag ni un digest sha256:….</translation>
    </message>
    <message>
        <source>Subject: the registry is no longer open.</source>
        <translation>Sujet&#xa0;: la registry n&apos;est plus ouverte.</translation>
    </message>
    <message>
        <source>Subject %1@%2: %3</source>
        <translation>Sujet %1@%2&#xa0;: %3</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>un dossier</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>introuvable</translation>
    </message>
    <message>
        <source>%1 (already listed)</source>
        <translation>%1 (déjà listé)</translation>
    </message>
    <message>
        <source>Not added: %1.</source>
        <translation>Non ajouté&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Add Files to the Artifact</source>
        <translation>Ajouter des fichiers à l&apos;artefact</translation>
    </message>
    <message>
        <source>Name the target repository.</source>
        <translation>Indiquez le dépôt cible.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a repository name (lower-case path components separated by /).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de dépôt (composants de chemin en minuscules séparés par /).</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a tag: up to 128 letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, not starting with &apos;.&apos; or &apos;-&apos;.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un tag&#xa0;: jusqu&apos;à 128 lettres, chiffres, &apos;_&apos;, &apos;.&apos; et &apos;-&apos;, sans commencer par &apos;.&apos; ou &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Press Enter in Subject to look it up.</source>
        <translation>Appuyez sur Entrée dans Sujet pour le rechercher.</translation>
    </message>
    <message>
        <source>Press Enter in Repository to look the subject up there.</source>
        <translation>Appuyez sur Entrée dans Dépôt pour y rechercher le sujet.</translation>
    </message>
    <message>
        <source>Add at least one file.</source>
        <translation>Ajoutez au moins un fichier.</translation>
    </message>
    <message>
        <source>File %1 has no media type.</source>
        <translation>Le fichier %1 n&apos;a pas de type de média.</translation>
    </message>
    <message>
        <source>Choose an artifact type (or type a custom one).</source>
        <translation>Choisissez un type d&apos;artefact (ou saisissez-en un personnalisé).</translation>
    </message>
    <message>
        <source>Annotation %1 has no key.</source>
        <translation>L&apos;annotation %1 n&apos;a pas de clé.</translation>
    </message>
    <message>
        <source>Annotation %1 is set twice.</source>
        <translation>L&apos;annotation %1 est définie deux fois.</translation>
    </message>
    <message>
        <source>The fields changed since this preview: Preview again to see what Push sends.</source>
        <translation>Les champs ont changé depuis cet aperçu&#xa0;: refaites un Aperçu pour voir ce que Pousser envoie.</translation>
    </message>
    <message>
        <source>No subject: the artifact stands alone.</source>
        <translation>Pas de sujet&#xa0;: l&apos;artefact est autonome.</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>Recherche de %1…</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 bytes</source>
        <translation>%1 · %2 · %3 octets</translation>
    </message>
    <message>
        <source>Not resolved.</source>
        <translation>Non résolu.</translation>
    </message>
    <message numerus="yes">
        <source>Hashing %n file(s)…</source>
        <translation>
            <numerusform>Hachage de %n fichier…</numerusform>
            <numerusform>Hachage de %n fichiers…</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 bytes · %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2 octets · %3</translation>
    </message>
    <message>
        <source>&lt;br&gt;The fields changed since this preview: Preview again to see what Push sends.</source>
        <translation>&lt;br&gt;Les champs ont changé depuis cet aperçu&#xa0;: refaites un Aperçu pour voir ce que Pousser envoie.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Shown indented; the digest is of the compact bytes Push sends.</source>
        <translation>&lt;br&gt;Affiché indenté&#xa0;; le digest porte sur les octets compacts que Pousser envoie.</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Total: %1</source>
        <translation>Total&#xa0;: %1</translation>
    </message>
    <message>
        <source>Uploading %1 (%2 of %3)</source>
        <translation>Envoi de %1 (%2 sur %3)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Uploading the empty config</source>
        <translation>Envoi de la config vide</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>envoyé</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>Failed.</source>
        <translation>Échec.</translation>
    </message>
    <message>
        <source>Push cancelled: the upload in flight was abandoned; the manifest was not pushed.</source>
        <translation>Envoi annulé&#xa0;: le téléversement en cours a été abandonné&#xa0;; le manifest n&apos;a pas été poussé.</translation>
    </message>
    <message>
        <source>The push failed: %1</source>
        <translation>L&apos;envoi a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message>
        <source>Pushed &lt;b&gt;%1&lt;/b&gt; (%2 bytes) to %3.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2 octets) poussé vers %3.</translation>
    </message>
    <message>
        <source>Tagged %1.</source>
        <translation>Tag %1 ajouté.</translation>
    </message>
    <message>
        <source>Referrers: the registry&apos;s referrers API recorded the subject (OCI-Subject); no fallback tag was written.</source>
        <translation>Referrers&#xa0;: l&apos;API referrers de la registry a enregistré le sujet (OCI-Subject)&#xa0;; aucun tag de repli n&apos;a été écrit.</translation>
    </message>
    <message>
        <source>Referrers: no referrers API here, so the fallback tag was used. %1</source>
        <translation>Referrers&#xa0;: pas d&apos;API referrers ici, le tag de repli a donc été utilisé. %1</translation>
    </message>
    <message>
        <source>The replaced index %1 was deleted.</source>
        <translation>L&apos;index remplacé %1 a été supprimé.</translation>
    </message>
    <message>
        <source>The replaced index was kept: %1.</source>
        <translation>L&apos;index remplacé a été conservé&#xa0;: %1.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
</context>
<context>
    <name>ocular::RawFormatter</name>
    <message>
        <source>[showing the first %1 of %2]</source>
        <translation>[affichage des %1 premiers sur %2]</translation>
    </message>
</context>
<context>
    <name>ocular::ReferenceMenu</name>
    <message>
        <source>Copy &amp;Reference</source>
        <translation>Copier la &amp;référence</translation>
    </message>
    <message>
        <source>Copy &amp;Digest Reference</source>
        <translation>Copier la référence par &amp;digest</translation>
    </message>
    <message>
        <source>Open in New &amp;Window</source>
        <translation>Ouvrir dans une nouvelle &amp;fenêtre</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Actualis&amp;er</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Écriture</translation>
    </message>
    <message>
        <source>Copy as Co&amp;mmand</source>
        <translation>Copier comme co&amp;mmande</translation>
    </message>
    <message>
        <source>No command: %1</source>
        <translation>Pas de commande&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrerGraphModel</name>
    <message>
        <source>Artifact</source>
        <translation>Artefact</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Digest</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>This index is nested deeper than the walk goes; open it to walk its entries.</source>
        <translation>Cet index est imbriqué plus profondément que le parcours ne va&#xa0;; ouvrez-le pour parcourir ses entrées.</translation>
    </message>
    <message>
        <source>more… (nesting limit reached)</source>
        <translation>plus… (limite d&apos;imbrication atteinte)</translation>
    </message>
    <message>
        <source>Listed as a referrer of this manifest, but %1. Not counted as its signature, SBOM or attestation.</source>
        <translation>Listé comme referrer de ce manifest, mais %1. Pas compté comme sa signature, son SBOM ou son attestation.</translation>
    </message>
    <message>
        <source>manifest</source>
        <translation>manifest</translation>
    </message>
    <message>
        <source>%1 (not a referrer: subject not checked)</source>
        <translation>%1 (pas un referrer&#xa0;: sujet non vérifié)</translation>
    </message>
    <message>
        <source>%1 (not a referrer: subject mismatch)</source>
        <translation>%1 (pas un referrer&#xa0;: sujet différent)</translation>
    </message>
    <message>
        <source>(not walked)</source>
        <translation>(non parcouru)</translation>
    </message>
    <message>
        <source> (cycle)</source>
        <translation> (cycle)</translation>
    </message>
    <message>
        <source> (missing)</source>
        <translation> (manquant)</translation>
    </message>
    <message>
        <source>subject</source>
        <translation>sujet</translation>
    </message>
    <message>
        <source>platform manifest</source>
        <translation>manifest de plateforme</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersPanel</name>
    <message>
        <source>Verify with Key…</source>
        <translation>Vérifier avec une clé…</translation>
    </message>
    <message>
        <source>Finding referrers was cancelled. Select the manifest again or press F5 to retry.</source>
        <translation>La recherche des referrers a été annulée. Sélectionnez de nouveau le manifest ou appuyez sur F5 pour réessayer.</translation>
    </message>
    <message>
        <source>Select a tag or a manifest to see what refers to it.</source>
        <translation>Sélectionnez un tag ou un manifest pour voir ce qui y fait référence.</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrers</translation>
    </message>
    <message>
        <source>Copied the %1 command</source>
        <translation>Commande %1 copiée</translation>
    </message>
    <message>
        <source>Finding referrers of %1…</source>
        <translation>Recherche des referrers de %1…</translation>
    </message>
    <message>
        <source>Finding referrers…</source>
        <translation>Recherche des referrers…</translation>
    </message>
    <message>
        <source>Referrers: %1</source>
        <translation>Referrers&#xa0;: %1</translation>
    </message>
    <message>
        <source>; referrers API: %1</source>
        <translation> ; API referrers&#xa0;: %1</translation>
    </message>
    <message>
        <source>Referrers (%1) of %2%3</source>
        <translation>Referrers (%1) de %2%3</translation>
    </message>
    <message numerus="yes">
        <source> — %n warning(s)</source>
        <translation>
            <numerusform> — %n avertissement</numerusform>
            <numerusform> — %n avertissements</numerusform>
        </translation>
    </message>
    <message>
        <source>
Could not read the content: %1</source>
        <translation>
Impossible de lire le contenu&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1
%2
media type: %3
</source>
        <translation>%1
%2
type de média&#xa0;: %3
</translation>
    </message>
    <message>
        <source>artifact type: %1
</source>
        <translation>type d&apos;artefact&#xa0;: %1
</translation>
    </message>
    <message>
        <source>size: %1 bytes
</source>
        <translation>taille&#xa0;: %1 octets
</translation>
    </message>
    <message>
        <source>created: %1
</source>
        <translation>créé&#xa0;: %1
</translation>
    </message>
    <message>
        <source>predicate: %1
</source>
        <translation>prédicat&#xa0;: %1
</translation>
    </message>
    <message>
        <source>
This manifest does not exist any more (a stale entry).
</source>
        <translation>
Ce manifest n&apos;existe plus (une entrée périmée).
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
JWS Notation (%1)
schéma de signature&#xa0;: %2
heure de signature&#xa0;: %3
manifest signé&#xa0;: %4
%5%6
vérification&#xa0;: non effectuée (Ocular n&apos;évalue pas les politiques de confiance Notation)</translation>
    </message>
    <message>
        <source>expiry: %1
</source>
        <translation>expiration&#xa0;: %1
</translation>
    </message>
    <message>
        <source>
Sigstore bundle %1
content: %2 %3 %4
transparency log entries: %5 (index %6, %7)
%8</source>
        <translation>
bundle Sigstore %1
contenu&#xa0;: %2 %3 %4
entrées du journal de transparence&#xa0;: %5 (index %6, %7)
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
manifest signé&#xa0;: %1 (%2)
identité&#xa0;: %3
</translation>
    </message>
    <message>
        <source>matches the subject</source>
        <translation>correspond au sujet</translation>
    </message>
    <message>
        <source>DOES NOT match the subject %1</source>
        <translation>NE correspond PAS au sujet %1</translation>
    </message>
    <message>
        <source>no key chosen</source>
        <translation>aucune clé choisie</translation>
    </message>
    <message>
        <source>verification: %1</source>
        <translation>vérification&#xa0;: %1</translation>
    </message>
    <message>
        <source>
The provenance cannot be read: %1</source>
        <translation>
La provenance ne peut pas être lue&#xa0;: %1</translation>
    </message>
    <message>
        <source>SLSA provenance v%1
</source>
        <translation>provenance SLSA v%1
</translation>
    </message>
    <message>
        <source>builder:</source>
        <translation>builder&#xa0;:</translation>
    </message>
    <message>
        <source>build type:</source>
        <translation>type de build&#xa0;:</translation>
    </message>
    <message>
        <source>source:</source>
        <translation>source&#xa0;:</translation>
    </message>
    <message>
        <source>entry point:</source>
        <translation>point d&apos;entrée&#xa0;:</translation>
    </message>
    <message>
        <source>started:</source>
        <translation>démarré&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <source> (took %n s)</source>
        <translation>
            <numerusform> (durée %n s)</numerusform>
            <numerusform> (durée %n s)</numerusform>
        </translation>
    </message>
    <message>
        <source>finished:</source>
        <translation>terminé&#xa0;:</translation>
    </message>
    <message>
        <source>invocation:</source>
        <translation>invocation&#xa0;:</translation>
    </message>
    <message>
        <source>reproducible:</source>
        <translation>reproductible&#xa0;:</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>parameters:
</source>
        <translation>paramètres&#xa0;:
</translation>
    </message>
    <message>
        <source>materials (%1):
</source>
        <translation>matériaux (%1)&#xa0;:
</translation>
    </message>
    <message>
        <source>subjects: %1
</source>
        <translation>sujets&#xa0;: %1
</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>Clé&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::ReferrersTreeLoader</name>
    <message>
        <source>the manifest is not loaded</source>
        <translation>le manifest n&apos;est pas chargé</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryAccess</name>
    <message>
        <source>TLS settings for %1: %2</source>
        <translation>Paramètres TLS pour %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Certificate verification is OFF for %1: the connection can be intercepted.</source>
        <translation>La vérification du certificat est DÉSACTIVÉE pour %1&#xa0;: la connexion peut être interceptée.</translation>
    </message>
    <message>
        <source>Logged in to %1 for this session only: %2</source>
        <translation>Connecté à %1 pour cette session uniquement&#xa0;: %2</translation>
    </message>
    <message>
        <source>Saved the login for %1 in the system keychain.</source>
        <translation>La connexion pour %1 a été enregistrée dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Saved the login for %1 with docker-credential-%2.</source>
        <translation>La connexion pour %1 a été enregistrée avec docker-credential-%2.</translation>
    </message>
    <message>
        <source>Logged out of %1. Logins kept by docker or podman stay until `docker logout %1`.</source>
        <translation>Déconnecté de %1. Les connexions gardées par docker ou podman restent jusqu&apos;à `docker logout %1`.</translation>
    </message>
    <message>
        <source>login dialog</source>
        <translation>boîte de connexion</translation>
    </message>
    <message>
        <source>Secure Connection Failed</source>
        <translation>Échec de la connexion sécurisée</translation>
    </message>
    <message>
        <source>If %1 uses a private certificate authority, add its CA certificate in the registry&apos;s TLS settings. A client certificate can be set there too. Skipping verification is possible but lets anyone intercept the connection.</source>
        <translation>Si %1 utilise une autorité de certification privée, ajoutez son certificat CA dans les paramètres TLS de la registry. Un certificat client peut aussi y être défini. Ignorer la vérification est possible mais permet à n&apos;importe qui d&apos;intercepter la connexion.</translation>
    </message>
    <message>
        <source>TLS Settings…</source>
        <translation>Paramètres TLS…</translation>
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
        <translation>&amp;Paramètres de la registry…</translation>
    </message>
    <message>
        <source>&amp;Log In…</source>
        <translation>&amp;Connexion…</translation>
    </message>
    <message>
        <source>Log &amp;Out</source>
        <translation>&amp;Déconnexion</translation>
    </message>
    <message>
        <source>Anonymous</source>
        <translation>Anonyme</translation>
    </message>
    <message>
        <source>Credentials: %1</source>
        <translation>Identifiants&#xa0;: %1</translation>
    </message>
    <message>
        <source>Where the credentials for this registry came from. Registry ▸ Log Out forgets Ocular&apos;s own login.</source>
        <translation>D&apos;où viennent les identifiants de cette registry. Registry ▸ Déconnexion oublie la connexion propre à Ocular.</translation>
    </message>
    <message>
        <source>%1 needs a login — Log In…</source>
        <translation>%1 demande une connexion — Connexion…</translation>
    </message>
    <message>
        <source>Secure connection to %1 failed — details and TLS settings…</source>
        <translation>Échec de la connexion sécurisée à %1 — détails et paramètres TLS…</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Ajoutez ou sélectionnez d&apos;abord une registry.</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryListPanel</name>
    <message>
        <source>Registries</source>
        <translation>Registries</translation>
    </message>
    <message>
        <source>Add registry… (Ctrl+Shift+N)</source>
        <translation>Ajouter une registry… (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <source>Remove the selected registry from this list</source>
        <translation>Retirer la registry sélectionnée de cette liste</translation>
    </message>
    <message>
        <source>%1 (not remembered)</source>
        <translation>%1 (non mémorisée)</translation>
    </message>
</context>
<context>
    <name>ocular::RegistrySettingsDialog</name>
    <message>
        <source>Allow plain HTTP for this non-loopback host (insecure)</source>
        <translation>Autoriser le HTTP non chiffré pour cet hôte hors boucle locale (non sécurisé)</translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <source>Log Out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Registry Settings</source>
        <translation>Paramètres de la registry</translation>
    </message>
    <message>
        <source>Registry:</source>
        <translation>Registry&#xa0;:</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Without a login, Ocular uses docker&apos;s config.json (and its credential helpers) and podman&apos;s auth.json, like the command-line tools.</source>
        <translation>Sans connexion, Ocular utilise le config.json de docker (et ses assistants d&apos;identifiants) et le auth.json de podman, comme les outils en ligne de commande.</translation>
    </message>
    <message>
        <source>Credentials: not used yet (Ocular asks when the registry requires a login).</source>
        <translation>Identifiants&#xa0;: pas encore utilisés (Ocular demande quand la registry exige une connexion).</translation>
    </message>
    <message>
        <source>Credentials: none found, browsing anonymously.</source>
        <translation>Identifiants&#xa0;: aucun trouvé, navigation anonyme.</translation>
    </message>
    <message>
        <source>Credentials from: %1</source>
        <translation>Identifiants depuis&#xa0;: %1</translation>
    </message>
    <message>
        <source>Plain HTTP is allowed for this loopback host (nothing leaves this machine)</source>
        <translation>Le HTTP non chiffré est autorisé pour cet hôte de boucle locale (rien ne quitte cette machine)</translation>
    </message>
    <message>
        <source>Enter a registry host or URL.</source>
        <translation>Saisissez un hôte de registry ou une URL.</translation>
    </message>
    <message>
        <source>TLS options apply to HTTPS registries only.</source>
        <translation>Les options TLS ne s&apos;appliquent qu&apos;aux registries HTTPS.</translation>
    </message>
</context>
<context>
    <name>ocular::RegistrySources</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 n’est pas un dossier</translation>
    </message>
    <message>
        <source>%1 has no oci-layout file: it is not an OCI image layout</source>
        <translation>%1 n’a pas de fichier oci-layout&#xa0;: ce n’est pas un layout d’image OCI</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryTreeModel</name>
    <message>
        <source>cosign signature</source>
        <translation>signature cosign</translation>
    </message>
    <message>
        <source>cosign attestation</source>
        <translation>attestation cosign</translation>
    </message>
    <message>
        <source>cosign SBOM</source>
        <translation>SBOM cosign</translation>
    </message>
    <message>
        <source>referrers fallback index</source>
        <translation>index de repli des referrers</translation>
    </message>
    <message>
        <source>by digest %1</source>
        <translation>par digest %1</translation>
    </message>
    <message>
        <source>Attachments (%1)</source>
        <translation>Attachements (%1)</translation>
    </message>
    <message>
        <source>Tags that hold signatures, SBOMs, attestations and referrers indexes, grouped by the manifest they are attached to</source>
        <translation>Tags contenant des signatures, SBOM, attestations et index de referrers, groupés par le manifest auquel ils sont attachés</translation>
    </message>
    <message numerus="yes">
        <source>%n subject(s)</source>
        <translation>
            <numerusform>%n sujet</numerusform>
            <numerusform>%n sujets</numerusform>
        </translation>
    </message>
    <message>
        <source>for %1</source>
        <translation>pour %1</translation>
    </message>
    <message>
        <source>Attachment tags of %1</source>
        <translation>Tags d&apos;attachement de %1</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message>
        <source>invalid tag “%1”</source>
        <translation>tag invalide «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <source>The registry listed “%1”, which is not a valid tag (%2); Ocular does not request it.</source>
        <translation>La registry a listé «&#xa0;%1&#xa0;», qui n&apos;est pas un tag valide (%2)&#xa0;; Ocular ne le demande pas.</translation>
    </message>
    <message numerus="yes">
        <source>%n more invalid tag(s) not shown</source>
        <translation>
            <numerusform>%n autre tag invalide non affiché</numerusform>
            <numerusform>%n autres tags invalides non affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>(no tags)</source>
        <translation>(aucun tag)</translation>
    </message>
    <message>
        <source>cancelled — expand or press F5 to load</source>
        <translation>annulé — dépliez ou appuyez sur F5 pour charger</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrers</translation>
    </message>
    <message>
        <source>Signatures, SBOMs and attestations of %1, from every source</source>
        <translation>Signatures, SBOM et attestations de %1, de toutes les sources</translation>
    </message>
    <message>
        <source>could not load: %1</source>
        <translation>chargement impossible&#xa0;: %1</translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation>Referrers (%1)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>config</source>
        <translation>config</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>layer %1</translation>
    </message>
    <message>
        <source>subject %1</source>
        <translation>sujet %1</translation>
    </message>
    <message>
        <source>(no content)</source>
        <translation>(pas de contenu)</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>attestation for %1</source>
        <translation>attestation pour %1</translation>
    </message>
    <message>
        <source>attestation for an image</source>
        <translation>attestation pour une image</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 octets)</translation>
    </message>
    <message>
        <source>artifact type: %1</source>
        <translation>type d&apos;artefact&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RegistryWrites</name>
    <message>
        <source>Tagged: %1</source>
        <translation>Tag ajouté&#xa0;: %1</translation>
    </message>
    <message>
        <source>Copied %1 to %2/%3</source>
        <translation>%1 copié vers %2/%3</translation>
    </message>
    <message>
        <source>Removed the tag %1:%2</source>
        <translation>Le tag %1:%2 a été retiré</translation>
    </message>
    <message>
        <source>The change was made, but the activity log could not be written: %1</source>
        <translation>La modification a été faite, mais le journal d&apos;activité n&apos;a pas pu être écrit&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RemoveTagDialog</name>
    <message>
        <source>Remove Tag</source>
        <translation>Retirer le tag</translation>
    </message>
    <message>
        <source>Remove with Placeholder</source>
        <translation>Retirer avec un substitut</translation>
    </message>
    <message>
        <source>the manifest %1</source>
        <translation>le manifest %1</translation>
    </message>
    <message>
        <source>the manifest</source>
        <translation>le manifest</translation>
    </message>
    <message>
        <source>Remove the tag %1 from %2. Only the tag goes: %3 stays in the repository, and so do its other tags.</source>
        <translation>Retirer le tag %1 de %2. Seul le tag part&#xa0;: %3 reste dans le dépôt, ainsi que ses autres tags.</translation>
    </message>
    <message>
        <source>Other tags naming it: %1.</source>
        <translation>Autres tags qui le désignent&#xa0;: %1.</translation>
    </message>
    <message>
        <source>No other loaded tag names it; it stays reachable by digest (and to anything that refers to it).</source>
        <translation>Aucun autre tag chargé ne le désigne&#xa0;; il reste accessible par digest (et pour tout ce qui y fait référence).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Removing the tag %1 with a placeholder…</source>
        <translation>Retrait du tag %1 avec un substitut…</translation>
    </message>
    <message>
        <source>Removing the tag %1…</source>
        <translation>Retrait du tag %1…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Annulé.</translation>
    </message>
    <message>
        <source>The registry refused to delete the tag alone: &quot;%1&quot;. Nothing was changed.

Remove with Placeholder pushes a unique, empty placeholder manifest to %2 and then deletes that placeholder by its digest, which takes only the tag with it; the manifest it names now is never deleted. %3</source>
        <translation>La registry a refusé de supprimer le tag seul&#xa0;: «&#xa0;%1&#xa0;». Rien n&apos;a été modifié.

Retirer avec un substitut pousse un manifest substitut unique et vide vers %2, puis supprime ce substitut par son digest, ce qui n&apos;emporte que le tag&#xa0;; le manifest qu&apos;il désigne maintenant n&apos;est jamais supprimé. %3</translation>
    </message>
    <message>
        <source>The tag was not removed: %1</source>
        <translation>Le tag n&apos;a pas été retiré&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchDialog</name>
    <message>
        <source>Tag name</source>
        <translation>Nom de tag</translation>
    </message>
    <message>
        <source>Annotation key</source>
        <translation>Clé d’annotation</translation>
    </message>
    <message>
        <source>Annotation %1</source>
        <translation>Annotation %1</translation>
    </message>
    <message>
        <source>Artifact type</source>
        <translation>Type d’artefact</translation>
    </message>
    <message>
        <source>Media type</source>
        <translation>Type de média</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Text in a tag, annotation, artifact type or media type</source>
        <translation>Texte dans un tag, une annotation, un type d’artefact ou un type de média</translation>
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
        <translation>Trouvé dans</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Double-click a row (or press Enter) to show it in the repository tree</source>
        <translation>Double-cliquez sur une ligne (ou appuyez sur Entrée) pour l’afficher dans l’arbre du dépôt</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêtée.</translation>
    </message>
    <message>
        <source>Search stopped: %1 was selected.</source>
        <translation>Recherche arrêtée&#xa0;: %1 a été sélectionné.</translation>
    </message>
    <message>
        <source>Find in %1</source>
        <translation>Rechercher dans %1</translation>
    </message>
    <message>
        <source>Search the tags, annotations, artifact types and media types of &lt;b&gt;%1&lt;/b&gt;.</source>
        <translation>Rechercher dans les tags, annotations, types d’artefact et types de média de &lt;b&gt;%1&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Type something to search for.</source>
        <translation>Saisissez un texte à rechercher.</translation>
    </message>
    <message>
        <source>Search stopped: the window was closed.</source>
        <translation>Recherche arrêtée&#xa0;: la fenêtre a été fermée.</translation>
    </message>
    <message>
        <source>(untagged)</source>
        <translation>(sans tag)</translation>
    </message>
    <message>
        <source>Nothing in %1 matches.</source>
        <translation>Rien dans %1 ne correspond.</translation>
    </message>
    <message>
        <source>%1 matches; the first %2 are listed.</source>
        <translation>%1 correspondances&#xa0;; les %2 premières sont listées.</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1. Double-click one to show it in the tree.</source>
        <translation>
            <numerusform>%n correspondance dans %1. Double-cliquez dessus pour l’afficher dans l’arbre.</numerusform>
            <numerusform>%n correspondances dans %1. Double-cliquez sur l’une d’elles pour l’afficher dans l’arbre.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ocular::RepositorySearchLoader</name>
    <message numerus="yes">
        <source>Reading every tag and manifest of %1… (%n request(s))</source>
        <translation>
            <numerusform>Lecture de tous les tags et manifests de %1… (%n requête)</numerusform>
            <numerusform>Lecture de tous les tags et manifests de %1… (%n requêtes)</numerusform>
        </translation>
    </message>
    <message>
        <source>The registry is no longer open.</source>
        <translation>La registry n’est plus ouverte.</translation>
    </message>
    <message>
        <source>Reading every tag and manifest of %1…</source>
        <translation>Lecture de tous les tags et manifests de %1…</translation>
    </message>
    <message>
        <source>Could not read the repository %1: %2</source>
        <translation>Impossible de lire le dépôt %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Recherche dans %1…</translation>
    </message>
</context>
<context>
    <name>ocular::RepositoryTreePanel</name>
    <message>
        <source>Open repository…</source>
        <translation>Ouvrir un dépôt…</translation>
    </message>
    <message>
        <source>Filter repositories and tags</source>
        <translation>Filtrer les dépôts et les tags</translation>
    </message>
    <message>
        <source>Add a registry to start browsing.</source>
        <translation>Ajoutez une registry pour commencer à naviguer.</translation>
    </message>
    <message>
        <source>%v of %m</source>
        <translation>%v sur %m</translation>
    </message>
    <message>
        <source>Loading repositories of %1…</source>
        <translation>Chargement des dépôts de %1…</translation>
    </message>
    <message>
        <source>Loading the repository list was cancelled. Press F5 to try again, or open a repository by name.</source>
        <translation>Le chargement de la liste des dépôts a été annulé. Appuyez sur F5 pour réessayer, ou ouvrez un dépôt par son nom.</translation>
    </message>
    <message>
        <source>%1 does not list its repositories (the catalog is not available: %2).</source>
        <translation>%1 ne liste pas ses dépôts (le catalogue n&apos;est pas disponible&#xa0;: %2).</translation>
    </message>
    <message>
        <source>Could not list the repositories of %1: %2</source>
        <translation>Impossible de lister les dépôts de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>You can still open a repository by name (Ctrl+O).</source>
        <translation>Vous pouvez quand même ouvrir un dépôt par son nom (Ctrl+O).</translation>
    </message>
    <message numerus="yes">
        <source>%1 listed %n repository name(s) that are not valid; they are not shown.</source>
        <translation>
            <numerusform>%1 a listé %n nom de dépôt invalide&#xa0;; il n&apos;est pas affiché.</numerusform>
            <numerusform>%1 a listé %n noms de dépôt invalides&#xa0;; ils ne sont pas affichés.</numerusform>
        </translation>
    </message>
    <message>
        <source>The catalog of %1 is empty. Open a repository by name if you know one.</source>
        <translation>Le catalogue de %1 est vide. Ouvrez un dépôt par son nom si vous en connaissez un.</translation>
    </message>
    <message>
        <source>Loading tags of %1…</source>
        <translation>Chargement des tags de %1…</translation>
    </message>
    <message>
        <source>Could not load the tags of %1: %2</source>
        <translation>Impossible de charger les tags de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>The tags of %1 stopped after %2 pages; later tags are not shown.</source>
        <translation>Les tags de %1 se sont arrêtés après %2 pages&#xa0;; les tags suivants ne sont pas affichés.</translation>
    </message>
    <message>
        <source>Loading manifest of %1…</source>
        <translation>Chargement du manifest de %1…</translation>
    </message>
    <message>
        <source>Could not load the manifest of %1: %2</source>
        <translation>Impossible de charger le manifest de %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Enter a repository name.</source>
        <translation>Saisissez un nom de dépôt.</translation>
    </message>
    <message>
        <source>%1 is on another registry (%2); add that registry first.</source>
        <translation>%1 est sur une autre registry (%2)&#xa0;; ajoutez d&apos;abord cette registry.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a repository, repo:tag or repo@digest reference (lower-case path components separated by /).</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni un dépôt ni une référence repo:tag ou repo@digest (composants de chemin en minuscules séparés par /).</translation>
    </message>
    <message>
        <source>Add or select a registry first.</source>
        <translation>Ajoutez ou sélectionnez d&apos;abord une registry.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid repository name.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nom de dépôt valide.</translation>
    </message>
    <message>
        <source>%1 has no tag %2.</source>
        <translation>%1 n&apos;a pas de tag %2.</translation>
    </message>
    <message>
        <source>Could not open %1: %2</source>
        <translation>Impossible d&apos;ouvrir %1&#xa0;: %2</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>%1 copié</translation>
    </message>
    <message>
        <source>&amp;Push Artifact…</source>
        <translation>&amp;Pousser un artefact…</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>&amp;Joindre des fichiers…</translation>
    </message>
    <message>
        <source>Add &amp;Tag…</source>
        <translation>Ajouter un &amp;tag…</translation>
    </message>
    <message>
        <source>Cop&amp;y To…</source>
        <translation>Cop&amp;ier vers…</translation>
    </message>
    <message>
        <source>Re&amp;move Tag…</source>
        <translation>Retirer le ta&amp;g…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
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
        <translation>Referrers</translation>
    </message>
    <message>
        <source>Blob</source>
        <translation>Blob</translation>
    </message>
    <message>
        <source>Copied the %1 command</source>
        <translation>Commande %1 copiée</translation>
    </message>
    <message>
        <source>Deleted 1 manifest from %1</source>
        <translation>1 manifest supprimé de %1</translation>
    </message>
    <message>
        <source>Deleted %1 manifests from %2</source>
        <translation>%1 manifests supprimés de %2</translation>
    </message>
    <message>
        <source>No repository or tag matches “%1”.</source>
        <translation>Aucun dépôt ni tag ne correspond à «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <source>Still loading the list of repositories…</source>
        <translation>La liste des dépôts est encore en cours de chargement…</translation>
    </message>
    <message>
        <source>Tags are searched in repositories that were opened.</source>
        <translation>Les tags sont cherchés dans les dépôts qui ont été ouverts.</translation>
    </message>
    <message>
        <source>Repository tree</source>
        <translation>Arbre des dépôts</translation>
    </message>
</context>
<context>
    <name>ocular::SbomPackagesModel</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>purl</source>
        <translation>purl</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
</context>
<context>
    <name>ocular::SbomViewer</name>
    <message>
        <source>Filter packages (name, version, licence, purl)</source>
        <translation>Filtrer les paquets (nom, version, licence, purl)</translation>
    </message>
    <message>
        <source>%1 — %2 packages, %3 with a licence</source>
        <translation>%1 — %2 paquets, %3 avec une licence</translation>
    </message>
    <message>
        <source> (wrapped in: %1)</source>
        <translation> (enveloppé dans&#xa0;: %1)</translation>
    </message>
    <message>
        <source>; %1 shown</source>
        <translation> ; %1 affichés</translation>
    </message>
    <message>
        <source>Reading the SBOM (%1 KiB)…</source>
        <translation>Lecture du SBOM (%1 Kio)…</translation>
    </message>
    <message>
        <source>Not a readable SBOM: %1</source>
        <translation>Pas un SBOM lisible&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ocular::SupplyChainDock</name>
    <message>
        <source>Supply Chain</source>
        <translation>Chaîne d&apos;approvisionnement</translation>
    </message>
    <message>
        <source>Referrers in tree</source>
        <translation>Referrers dans l&apos;arborescence</translation>
    </message>
    <message>
        <source>Referrers</source>
        <translation>Referrers</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Audit</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Capacités</translation>
    </message>
    <message>
        <source>Show a lazily loaded &quot;Referrers (n)&quot; node under every manifest of the repository tree</source>
        <translation>Afficher un nœud «&#xa0;Referrers (n)&#xa0;» chargé à la demande sous chaque manifest de l&apos;arborescence des dépôts</translation>
    </message>
    <message>
        <source>Referrers (%1)</source>
        <translation>Referrers (%1)</translation>
    </message>
</context>
<context>
    <name>ocular::TagHistoryDialog</name>
    <message>
        <source>Tag History of %1</source>
        <translation>Historique des tags de %1</translation>
    </message>
    <message>
        <source>Tag History of %1:%2</source>
        <translation>Historique du tag %1:%2</translation>
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
        <translation>Vu en premier</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Vu en dernier</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>There is no tag history: it could not be opened.</source>
        <translation>Il n&apos;y a pas d&apos;historique des tags&#xa0;: il n&apos;a pas pu être ouvert.</translation>
    </message>
    <message>
        <source>Reading the tag history…</source>
        <translation>Lecture de l&apos;historique des tags…</translation>
    </message>
    <message>
        <source>Cannot read the tag history: %1</source>
        <translation>Impossible de lire l&apos;historique des tags&#xa0;: %1</translation>
    </message>
    <message>
        <source>Ocular has not seen %1 yet: it records every tag it resolves, from now on.</source>
        <translation>Ocular n&apos;a pas encore vu %1&#xa0;: il enregistre désormais chaque tag qu&apos;il résout.</translation>
    </message>
    <message>
        <source>current</source>
        <translation>actuel</translation>
    </message>
    <message>
        <source>moved away</source>
        <translation>déplacé</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n digest(s) seen.</source>
        <translation>
            <numerusform>%1&#xa0;: %n digest vu.</numerusform>
            <numerusform>%1&#xa0;: %n digests vus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them are no longer current.</source>
        <translation>
            <numerusform>%n d&apos;entre eux n&apos;est plus actuel.</numerusform>
            <numerusform>%n d&apos;entre eux ne sont plus actuels.</numerusform>
        </translation>
    </message>
    <message>
        <source>Times are when Ocular saw each, in local time.</source>
        <translation>Les heures sont celles où Ocular les a vus, en heure locale.</translation>
    </message>
</context>
<context>
    <name>ocular::TlsOptionsForm</name>
    <message>
        <source>Do not verify the server certificate</source>
        <translation>Ne pas vérifier le certificat du serveur</translation>
    </message>
    <message>
        <source>system trust store only</source>
        <translation>magasin de confiance du système uniquement</translation>
    </message>
    <message>
        <source>unencrypted PEM key</source>
        <translation>clé PEM non chiffrée</translation>
    </message>
    <message>
        <source>Warning: anyone on the network path can impersonate this registry and read everything sent to it, including passwords. Use a CA file instead when you can.</source>
        <translation>Attention&#xa0;: n&apos;importe qui sur le chemin réseau peut se faire passer pour cette registry et lire tout ce qui lui est envoyé, y compris les mots de passe. Utilisez plutôt un fichier CA si vous le pouvez.</translation>
    </message>
    <message>
        <source>Extra CA certificate:</source>
        <translation>Certificat CA supplémentaire&#xa0;:</translation>
    </message>
    <message>
        <source>CA Certificate (PEM)</source>
        <translation>Certificat CA (PEM)</translation>
    </message>
    <message>
        <source>Client certificate:</source>
        <translation>Certificat client&#xa0;:</translation>
    </message>
    <message>
        <source>Client Certificate (PEM)</source>
        <translation>Certificat client (PEM)</translation>
    </message>
    <message>
        <source>Client key:</source>
        <translation>Clé client&#xa0;:</translation>
    </message>
    <message>
        <source>Client Key (PEM)</source>
        <translation>Clé client (PEM)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
</context>
</TS>

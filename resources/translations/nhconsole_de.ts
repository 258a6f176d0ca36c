<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../ui/banner.cpp" line="+76"/>
        <source>&lt;b&gt;The bundled emulator is not available.&lt;/b&gt; %1 Sends will fail until a hub is reachable; add one with its connection string (Profile ▸ New Profile…).</source>
        <translation>&lt;b&gt;Der mitgelieferte Emulator ist nicht verfügbar.&lt;/b&gt; %1 Sendungen schlagen fehl, bis ein Hub erreichbar ist; fügen Sie einen mit seiner Verbindungszeichenfolge hinzu (Profil ▸ Neues Profil…).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+26"/>
        <source>Add a real hub…</source>
        <translation>Echten Hub hinzufügen…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>&lt;b&gt;“%1” cannot send yet.&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;„%1“ kann noch nicht senden.&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the key for this run…</source>
        <translation>Schlüssel für diese Sitzung eingeben…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Production hub.&lt;/b&gt; “%1” sends to hub &lt;tt&gt;%2&lt;/tt&gt; at &lt;tt&gt;%3&lt;/tt&gt;: notifications reach real devices. nhconsole asks before every send.</source>
        <translation>&lt;b&gt;Produktions-Hub.&lt;/b&gt; „%1“ sendet an Hub &lt;tt&gt;%2&lt;/tt&gt; unter &lt;tt&gt;%3&lt;/tt&gt;: Benachrichtigungen erreichen echte Geräte. nhconsole fragt vor jeder Sendung nach.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;You are sending to the local emulator&lt;/b&gt; bundled with nhconsole (hub &lt;tt&gt;%1&lt;/tt&gt; at &lt;tt&gt;%2&lt;/tt&gt;), with demo registrations for every platform. Nothing leaves this machine. To use a real hub, add a connection profile with its connection string (Profile ▸ New Profile…, Ctrl+N).</source>
        <translation>&lt;b&gt;Sie senden an den lokalen Emulator&lt;/b&gt;, der mit nhconsole mitgeliefert wird (Hub &lt;tt&gt;%1&lt;/tt&gt; unter &lt;tt&gt;%2&lt;/tt&gt;), mit Demo-Registrierungen für jede Plattform. Nichts verlässt diesen Rechner. Um einen echten Hub zu verwenden, fügen Sie ein Verbindungsprofil mit seiner Verbindungszeichenfolge hinzu (Profil ▸ Neues Profil…, Ctrl+N).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The key of “%1” is held in memory for this run only: the system keychain could not keep it. It is never written to disk.</source>
        <translation>Der Schlüssel von „%1“ wird nur für diese Sitzung im Speicher gehalten: Der System-Schlüsselbund konnte ihn nicht aufbewahren. Er wird nie auf die Festplatte geschrieben.</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../ui/comparedialog.cpp" line="+45"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Compare exchanges</source>
        <translation>Austausche vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Left:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Right:&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;Links:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Rechts:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show headers that differ on every call (Date, TrackingId, Authorization, …)</source>
        <translation>Header anzeigen, die sich bei jedem Aufruf unterscheiden (Date, TrackingId, Authorization, …)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+58"/>
        <source>Request body</source>
        <translation>Anfrage-Body</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+59"/>
        <source>Response body</source>
        <translation>Antwort-Body</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&lt;b&gt;Equivalent.&lt;/b&gt; Only the ids, times and headers that change on every call differ.</source>
        <translation>&lt;b&gt;Gleichwertig.&lt;/b&gt; Nur die IDs, Zeiten und Header, die sich bei jedem Aufruf ändern, unterscheiden sich.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n field(s)</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n header(s)</source>
        <translation>
            <numerusform>%n Header</numerusform>
            <numerusform>%n Header</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request body</source>
        <translation>der Anfrage-Body</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the response body</source>
        <translation>der Antwort-Body</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n registration outcome(s)</source>
        <translation>
            <numerusform>%n Registrierungsergebnis</numerusform>
            <numerusform>%n Registrierungsergebnisse</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Differences:&lt;/b&gt; %1.</source>
        <translation>&lt;b&gt;Unterschiede:&lt;/b&gt; %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fields (%1)</source>
        <translation>Felder (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request body (same)</source>
        <translation>Anfrage-Body (gleich)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Response body (same)</source>
        <translation>Antwort-Body (gleich)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <location line="+21"/>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Outcomes (%1)</source>
        <translation>Ergebnisse (%1)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Request headers</source>
        <translation>Anfrage-Header</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response headers</source>
        <translation>Antwort-Header</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headers (%1)</source>
        <translation>Header (%1)</translation>
    </message>
</context>
<context>
    <name>ComposerFold</name>
    <message>
        <location filename="../../ui/composerfold.cpp" line="+15"/>
        <source>&amp;Composer</source>
        <translation>&amp;Editor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the composer, or fold it to a strip at the window&apos;s edge</source>
        <translation>Den Editor anzeigen oder zu einer Leiste am Fensterrand einklappen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Fold Composer After Sending</source>
        <translation>Editor nach dem Senden ein&amp;klappen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the exchange view the window&apos;s width when a send finishes</source>
        <translation>Der Austauschansicht die Fensterbreite überlassen, wenn eine Sendung abgeschlossen ist</translation>
    </message>
</context>
<context>
    <name>ComposerStrip</name>
    <message>
        <location filename="../../ui/composerstrip.cpp" line="+25"/>
        <source>Show the composer (%1)</source>
        <translation>Den Editor anzeigen (%1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+22"/>
        <source>Compose</source>
        <translation>Verfassen</translation>
    </message>
</context>
<context>
    <name>ComposerWidget</name>
    <message>
        <location filename="../../ui/composerwidget.cpp" line="+45"/>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send the notification (Ctrl+Enter)</source>
        <translation>Benachrichtigung senden (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel Send</source>
        <translation>Senden a&amp;bbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pretty-print Payload</source>
        <translation>Payload &amp;formatieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test Send</source>
        <translation>&amp;Testsendung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh Known Tags</source>
        <translation>Bekannte Tags a&amp;ktualisieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Compose&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verfassen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+286"/>
        <source>Headers (%1)</source>
        <translation>Header (%1)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Fold the composer to a strip (%1); the exchange gets its width</source>
        <translation>Den Editor zu einer Leiste einklappen (%1); der Austausch erhält seine Breite</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not sent: %1</source>
        <translation>Nicht gesendet: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The hub is throttling; attempt %1 in %n s</source>
        <translation>
            <numerusform>Der Hub drosselt; Versuch %1 in %n s</numerusform>
            <numerusform>Der Hub drosselt; Versuch %1 in %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Only valid JSON or XML can be pretty-printed</source>
        <translation>Nur gültiges JSON oder XML kann formatiert werden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the hub&apos;s tags: %1</source>
        <translation>Die Tags des Hubs konnten nicht gelesen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n tag(s) from the hub&apos;s first %1 registrations, offered as you type</source>
        <translation>
            <numerusform>%n Tag aus den ersten %1 Registrierungen des Hubs, beim Tippen angeboten</numerusform>
            <numerusform>%n Tags aus den ersten %1 Registrierungen des Hubs, beim Tippen angeboten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n tag(s) known to the hub, offered as you type</source>
        <translation>
            <numerusform>%n Tag ist dem Hub bekannt und wird bei der Eingabe vorgeschlagen</numerusform>
            <numerusform>%n Tags sind dem Hub bekannt und werden bei der Eingabe vorgeschlagen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CredentialDialog</name>
    <message>
        <location filename="../../ui/credentialdialog.cpp" line="+35"/>
        <source>%1 Credential</source>
        <translation>Anmeldedaten für %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sandbox (development builds)</source>
        <translation>Sandbox (Entwicklungs-Builds)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Production (App Store, TestFlight, ad hoc)</source>
        <translation>Produktion (App Store, TestFlight, ad hoc)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Token (.p8 key)</source>
        <translation>Token (.p8-Schlüssel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate (.p12)</source>
        <translation>Zertifikat (.p12)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>.p8 key:</source>
        <translation>.p8-Schlüssel:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>APNs keys (*.p8)</source>
        <translation>APNs-Schlüssel (*.p8)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key id:</source>
        <translation>Schlüssel-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team id:</source>
        <translation>Team-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle id:</source>
        <translation>Bundle-ID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>.p12 file:</source>
        <translation>.p12-Datei:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>APNs Certificate</source>
        <translation>APNs-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 files (*.p12 *.pfx)</source>
        <translation>PKCS#12-Dateien (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password:</source>
        <translation>Kennwort:</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Service-account JSON:</source>
        <translation>Dienstkonto-JSON:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Package SID:</source>
        <translation>Paket-SID:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret:</source>
        <translation>Sicherheitsschlüssel:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subject:</source>
        <translation>Subject:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Public key:</source>
        <translation>Öffentlicher Schlüssel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key:</source>
        <translation>Privater Schlüssel:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Paste the file&apos;s text, or load it</source>
        <translation>Text der Datei einfügen oder die Datei laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load…</source>
        <translation>Laden…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nhconsole cannot enter this platform&apos;s credential yet.</source>
        <translation>nhconsole kann die Anmeldedaten dieser Plattform noch nicht erfassen.</translation>
    </message>
</context>
<context>
    <name>DiagnoseDock</name>
    <message>
        <location filename="../../ui/diagnosedock.cpp" line="+28"/>
        <source>Dia&amp;gnose a Device…</source>
        <translation>Gerät dia&amp;gnostizieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why did a device not get a push: every check for one device, the most likely cause first</source>
        <translation>Warum hat ein Gerät keinen Push erhalten: alle Prüfungen für ein Gerät, die wahrscheinlichste Ursache zuerst</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Diagnose</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Not connected: “%1” has no working connection yet.</source>
        <translation>Nicht verbunden: „%1“ hat noch keine funktionierende Verbindung.</translation>
    </message>
</context>
<context>
    <name>DiagnoseForm</name>
    <message>
        <location filename="../../ui/diagnoseform.cpp" line="+31"/>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no format</source>
        <translation>kein Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The device</source>
        <translation>Das Gerät</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PNS handle (device token)</source>
        <translation>PNS-Handle (Geräte-Token)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration id</source>
        <translation>Registrierungs-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installation id</source>
        <translation>Installations-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User id ($UserId:{…})</source>
        <translation>Benutzer-ID ($UserId:{…})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Paste the token, id or user the push did not reach</source>
        <translation>Token, ID oder Benutzer einfügen, den der Push nicht erreicht hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any platform</source>
        <translation>Jede Plattform</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A handle&apos;s platform narrows the search; leave it at Any when unsure</source>
        <translation>Die Plattform eines Handles grenzt die Suche ein; belassen Sie sie im Zweifel bei „Jede Plattform“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Platform:</source>
        <translation>&amp;Plattform:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The send that did not arrive</source>
        <translation>Die Sendung, die nicht angekommen ist</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;None: check the device only</source>
        <translation>&amp;Keine: nur das Gerät prüfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the &amp;history</source>
        <translation>Aus dem &amp;Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Typed in</source>
        <translation>&amp;Eingegeben</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Empty: sent to everyone</source>
        <translation>Leer: an alle gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template properties:</source>
        <translation>Vorlageneigenschaften:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headers (optional):</source>
        <translation>Header (optional):</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The history holds no send yet.</source>
        <translation>Der Verlauf enthält noch keine Sendung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The exchange this diagnosis was opened from.</source>
        <translation>Der Austausch, aus dem diese Diagnose geöffnet wurde.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>One of the %n most recent sends.</source>
        <translation>
            <numerusform>Die neueste Sendung (%n).</numerusform>
            <numerusform>Eine der %n neuesten Sendungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Choose a send from the history.</source>
        <translation>Wählen Sie eine Sendung aus dem Verlauf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no history.</source>
        <translation>Es gibt keinen Verlauf.</translation>
    </message>
</context>
<context>
    <name>DiagnosePage</name>
    <message>
        <location filename="../../ui/diagnosepage.cpp" line="+39"/>
        <source>Export the Diagnosis</source>
        <translation>Diagnose exportieren</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&amp;Diagnose</source>
        <translation>&amp;Diagnostizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Runs the checks for this device; they only read, nothing is sent to the device</source>
        <translation>Führt die Prüfungen für dieses Gerät aus; sie lesen nur, an das Gerät wird nichts gesendet</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>&amp;Send Test to This Device</source>
        <translation>Test an dieses Gerät &amp;senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A test send that only this device can receive (check 8); it shows on the device</source>
        <translation>Eine Testsendung, die nur dieses Gerät empfangen kann (Prüfung 8); sie erscheint auf dem Gerät</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send Di&amp;rectly…</source>
        <translation>Di&amp;rekt senden…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A real send to this device&apos;s handle, then the hub&apos;s per-message telemetry (Standard tier); asks first</source>
        <translation>Eine echte Sendung an das Handle dieses Geräts, danach die Telemetrie des Hubs zu dieser Nachricht (Standard-Tarif); fragt vorher nach</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export as &amp;Markdown…</source>
        <translation>Als &amp;Markdown exportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Name the device that did not get this send, then press Diagnose.</source>
        <translation>Geben Sie das Gerät an, das diese Sendung nicht erhalten hat, und klicken Sie dann auf „Diagnostizieren“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sending the test to this device…</source>
        <translation>Der Test wird an dieses Gerät gesendet…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Send to the Customer&apos;s Device?</source>
        <translation>An das Gerät des Kunden senden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a real push, not a test: %1 receives it and may show it to its user. nhconsole then asks the hub for the message&apos;s telemetry (Standard tier only) and shows the push services&apos; results as they arrive.</source>
        <translation>Dies ist ein echter Push, kein Test: Das Gerät (%1) empfängt ihn und zeigt ihn möglicherweise seinem Benutzer an. nhconsole fragt danach beim Hub die Telemetrie der Nachricht ab (nur im Standard-Tarif) und zeigt die Ergebnisse der Push-Dienste an, sobald sie eintreffen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send to the Device</source>
        <translation>An das Gerät senden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending to this device…</source>
        <translation>Wird an dieses Gerät gesendet…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Diagnosis cancelled.</source>
        <translation>Diagnose abgebrochen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diagnosis finished.</source>
        <translation>Diagnose abgeschlossen.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Which device did not get the push?</source>
        <translation>Welches Gerät hat den Push nicht erhalten?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name it on the left, optionally with the send that did not arrive, and press Diagnose. The checks only read; nothing reaches the device unless you ask for it below.</source>
        <translation>Geben Sie es links an, optional mit der Sendung, die nicht angekommen ist, und klicken Sie auf „Diagnostizieren“. Die Prüfungen lesen nur; nichts erreicht das Gerät, außer Sie fordern es unten an.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled: only the checks shown below ran.</source>
        <translation>Abgebrochen: Nur die unten gezeigten Prüfungen wurden ausgeführt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hub %1</source>
        <translation>Hub %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n request(s)</source>
        <translation>
            <numerusform>%n Anfrage</numerusform>
            <numerusform>%n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>send: %1 to %2</source>
        <translation>Sendung: %1 an %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no send given</source>
        <translation>keine Sendung angegeben</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not connected to a hub.</source>
        <translation>Nicht mit einem Hub verbunden.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Check 8 pushes to the device, so it runs only when you ask: diagnose first.</source>
        <translation>Prüfung 8 pusht an das Gerät und läuft daher nur auf Anforderung: Diagnostizieren Sie zuerst.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A test send can reach exactly this device.</source>
        <translation>Eine Testsendung kann genau dieses Gerät erreichen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No test send can reach only this device: %1 “Send Directly…” sends a real push instead.</source>
        <translation>Keine Testsendung kann nur dieses Gerät erreichen: %1 „Direkt senden…“ sendet stattdessen einen echten Push.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>That request is no longer kept with the diagnosis.</source>
        <translation>Diese Anfrage wird nicht mehr mit der Diagnose aufbewahrt.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diagnosis written to %1.</source>
        <translation>Diagnose in %1 geschrieben.</translation>
    </message>
</context>
<context>
    <name>DiagnosisCheckCard</name>
    <message>
        <location filename="../../ui/diagnosischeckcard.cpp" line="+132"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A request (not kept)</source>
        <translation>Eine Anfrage (nicht aufbewahrt)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Hide the evidence</source>
        <translation>Belege ausblenden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the evidence</source>
        <translation>Belege anzeigen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs only when you ask for it: it pushes to the device. Use “Send Test to This Device” below.</source>
        <translation>Läuft nur auf Anforderung, denn sie pusht an das Gerät. Verwenden Sie unten „Test an dieses Gerät senden“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not run yet.</source>
        <translation>Noch nicht ausgeführt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Next step:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nächster Schritt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registration %1 receives:</source>
        <translation>Registrierung %1 empfängt:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Evidence&lt;/b&gt; (opens in the exchange view):</source>
        <translation>&lt;b&gt;Belege&lt;/b&gt; (öffnen sich in der Austauschansicht):</translation>
    </message>
</context>
<context>
    <name>ExchangeView</name>
    <message>
        <location filename="../../ui/exchangeview.cpp" line="+48"/>
        <location line="+104"/>
        <source>Reveal secrets</source>
        <translation>Geheimnisse aufdecken</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Show the SAS signature in the Authorization header. It is hidden again when another exchange is shown.</source>
        <translation>Die SAS-Signatur im Authorization-Header anzeigen. Sie wird wieder verborgen, sobald ein anderer Austausch angezeigt wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a curl command that repeats this request (the signature only while revealed, never the key)</source>
        <translation>Einen curl-Befehl kopieren, der diese Anfrage wiederholt (die Signatur nur, solange sie aufgedeckt ist, niemals den Schlüssel)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the whole exchange as JSON (secrets redacted)</source>
        <translation>Den gesamten Austausch als JSON kopieren (Geheimnisse geschwärzt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the exchange as a HAR file (opens in browser developer tools), as JSON or as a curl script</source>
        <translation>Den Austausch als HAR-Datei (öffnet sich in den Entwicklerwerkzeugen des Browsers), als JSON oder als curl-Skript speichern</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Copied the request as curl, with the token that was sent</source>
        <translation>Anfrage als curl kopiert, mit dem gesendeten Token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied the request as curl; set NH_SAS_TOKEN to a token before running it</source>
        <translation>Anfrage als curl kopiert; setzen Sie NH_SAS_TOKEN vor dem Ausführen auf ein Token</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Copied the exchange as JSON (secrets redacted)</source>
        <translation>Austausch als JSON kopiert (Geheimnisse geschwärzt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No exchange is shown to save.</source>
        <translation>Es wird kein Austausch angezeigt, der gespeichert werden könnte.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Save Exchange</source>
        <translation>Austausch speichern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved the exchange to %1 with the token that was sent; treat the file as a secret until it expires</source>
        <translation>Austausch in %1 gespeichert, mit dem gesendeten Token; behandeln Sie die Datei bis zu dessen Ablauf als Geheimnis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved the exchange to %1; the file holds no key or signature</source>
        <translation>Austausch in %1 gespeichert; die Datei enthält weder Schlüssel noch Signatur</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>Copy JSON</source>
        <translation>JSON kopieren</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · started %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · gestartet %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Exchange&lt;/b&gt; · nothing sent yet</source>
        <translation>&lt;b&gt;Austausch&lt;/b&gt; · noch nichts gesendet</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Hide secrets</source>
        <translation>Geheimnisse verbergen</translation>
    </message>
</context>
<context>
    <name>ExportFile</name>
    <message>
        <location filename="../../ui/exportfile.cpp" line="+13"/>
        <source>Shell scripts (*.sh)</source>
        <translation>Shell-Skripte (*.sh)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP archives (*.har)</source>
        <translation>HTTP-Archive (*.har)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The file %1 cannot be written: %2.</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file %1 could not be written completely: %2.</source>
        <translation>Die Datei %1 konnte nicht vollständig geschrieben werden: %2.</translation>
    </message>
</context>
<context>
    <name>FormatBar</name>
    <message>
        <location filename="../../ui/formatbar.cpp" line="+33"/>
        <source>The ServiceBusNotification-Format: which registrations the hub sends to (a native platform, or templates)</source>
        <translation>Das ServiceBusNotification-Format: an welche Registrierungen der Hub sendet (eine native Plattform oder Vorlagen)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready-made payloads for this format; each one is valid</source>
        <translation>Fertige Payloads für dieses Format; jede davon ist gültig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pretty-print</source>
        <translation>Formatieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format</source>
        <translation>&amp;Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;reset</source>
        <translation>&amp;Voreinstellung</translation>
    </message>
</context>
<context>
    <name>HeadersEditor</name>
    <message>
        <location filename="../../ui/headerseditor.cpp" line="+47"/>
        <source>Signed with the profile&apos;s key when you send (a SAS token valid for one hour).</source>
        <translation>Wird beim Senden mit dem Schlüssel des Profils signiert (ein SAS-Token, eine Stunde gültig).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The REST API version nhconsole speaks.</source>
        <translation>Die REST-API-Version, die nhconsole spricht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the format picker.</source>
        <translation>Aus der Formatauswahl.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the tag expression, as written.</source>
        <translation>Aus dem Tag-Ausdruck, wie geschrieben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the device handle of a direct send.</source>
        <translation>Aus dem Geräte-Handle einer direkten Sendung.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the schedule time, in UTC.</source>
        <translation>Aus der geplanten Sendezeit, in UTC.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen for the format and body; add your own Content-Type to override it.</source>
        <translation>Passend zu Format und Inhalt gewählt; fügen Sie einen eigenen Content-Type hinzu, um ihn zu überschreiben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Derived from the payload; add a header of the same name to override it.</source>
        <translation>Aus der Payload abgeleitet; fügen Sie einen Header mit demselben Namen hinzu, um ihn zu überschreiben.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grey rows are set by nhconsole from the format, body and target; your own rows override them and can be edited.</source>
        <translation>Graue Zeilen setzt nhconsole aus Format, Inhalt und Ziel; Ihre eigenen Zeilen überschreiben sie und können bearbeitet werden.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Other header…</source>
        <translation>Anderer Header…</translation>
    </message>
</context>
<context>
    <name>HeadersView</name>
    <message>
        <location filename="../../ui/headersview.cpp" line="+32"/>
        <source>&lt;b&gt;Request&lt;/b&gt;</source>
        <translation>&lt;b&gt;Anfrage&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No request yet</source>
        <translation>Noch keine Anfrage</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>Headers as the emulator received them from the client that sent this request.</source>
        <translation>Header, wie der Emulator sie von dem Client erhalten hat, der diese Anfrage gesendet hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Headers as nhconsole built them. Qt adds Host, Content-Length, Connection and Accept-Encoding when it sends; they are not listed.</source>
        <translation>Header, wie nhconsole sie erstellt hat. Qt fügt beim Senden Host, Content-Length, Connection und Accept-Encoding hinzu; diese sind nicht aufgeführt.</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+84"/>
        <source>&lt;b&gt;Body&lt;/b&gt;</source>
        <translation>&lt;b&gt;Body&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="-38"/>
        <source>in %n min</source>
        <translation>
            <numerusform>in %n Minute</numerusform>
            <numerusform>in %n Minuten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>expired %n min ago</source>
        <translation>
            <numerusform>vor %n Minute abgelaufen</numerusform>
            <numerusform>vor %n Minuten abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS token signed with rule &lt;b&gt;%1&lt;/b&gt; for &lt;tt&gt;%2&lt;/tt&gt;; expires %3 UTC (%4).</source>
        <translation>SAS-Token, signiert mit Zugriffsregel &lt;b&gt;%1&lt;/b&gt; für &lt;tt&gt;%2&lt;/tt&gt;; Ablauf %3 UTC (%4).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;b&gt;Body&lt;/b&gt; (none)</source>
        <translation>&lt;b&gt;Body&lt;/b&gt; (keiner)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;Body&lt;/b&gt; — %n byte(s) sent, shown indented</source>
        <translation>
            <numerusform>&lt;b&gt;Body&lt;/b&gt; — %n Byte gesendet, eingerückt dargestellt</numerusform>
            <numerusform>&lt;b&gt;Body&lt;/b&gt; — %n Bytes gesendet, eingerückt dargestellt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../ui/historypanel.cpp" line="+314"/>
        <source>Search headers, bodies, targets, labels (Ctrl+F)</source>
        <translation>Header, Bodys, Ziele, Bezeichnungen durchsuchen (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search (Ctrl+F)</source>
        <translation>Suchen (Ctrl+F)</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>Every word must occur in the URL, a header, a body, the error, the target or the label.</source>
        <translation>Jedes Wort muss in der URL, einem Header, einem Body, dem Fehler, dem Ziel oder der Bezeichnung vorkommen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Any format</source>
        <translation>Jedes Format</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Any time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>20 sent, 10 failed</source>
        <translation>20 gesendet, 10 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&amp;Re-send</source>
        <translation>&amp;Erneut senden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the selected exchange again with the current profile&apos;s connection (a new exchange)</source>
        <translation>Den ausgewählten Austausch mit der Verbindung des aktuellen Profils erneut senden (ein neuer Austausch)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare the two selected exchanges: fields, headers, bodies and outcomes side by side</source>
        <translation>Die beiden ausgewählten Austausche vergleichen: Felder, Header, Bodys und Ergebnisse nebeneinander</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dia&amp;gnose a Device with This Send…</source>
        <translation>Gerät mit dieser Sendung dia&amp;gnostizieren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Pin / Unpin</source>
        <translation>&amp;Anheften / Lösen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned exchanges are kept whatever the retention limit</source>
        <translation>Angeheftete Austausche bleiben unabhängig vom Aufbewahrungslimit erhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Label…</source>
        <translation>&amp;Bezeichnung…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export as &amp;curl script…</source>
        <translation>Als &amp;curl-Skript exportieren…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export as curl with fresh &amp;tokens…</source>
        <translation>Als curl mit neuen &amp;Tokens exportieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each command carries a token the current profile signs now (valid for an hour), never the key; exchanges of other hubs keep the ${NH_SAS_TOKEN} placeholder</source>
        <translation>Jeder Befehl enthält ein Token, das das aktuelle Profil jetzt signiert (eine Stunde gültig), niemals den Schlüssel; Austausche anderer Hubs behalten den Platzhalter ${NH_SAS_TOKEN}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as &amp;JSON…</source>
        <translation>Als &amp;JSON exportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export as &amp;HAR…</source>
        <translation>Als &amp;HAR exportieren…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>All profiles</source>
        <translation>Alle Profile</translation>
    </message>
    <message numerus="yes">
        <location line="+185"/>
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n Austausch</numerusform>
            <numerusform>%n Austausche</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no history file.</source>
        <translation>Es gibt keine Verlaufsdatei.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>That exchange is no longer in the history.</source>
        <translation>Dieser Austausch ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>One of the two exchanges is no longer in the history.</source>
        <translation>Einer der beiden Austausche ist nicht mehr im Verlauf.</translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>Unpinned %n exchange(s)</source>
        <translation>
            <numerusform>%n Austausch nicht mehr angeheftet</numerusform>
            <numerusform>%n Austausche nicht mehr angeheftet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Pinned %n exchange(s); the retention limit keeps them</source>
        <translation>
            <numerusform>%n Austausch angeheftet; er bleibt trotz Aufbewahrungslimit erhalten</numerusform>
            <numerusform>%n Austausche angeheftet; sie bleiben trotz Aufbewahrungslimit erhalten</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Delete from the history</source>
        <translation>Aus dem Verlauf löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n exchange(s) from the history? This cannot be undone.</source>
        <translation>
            <numerusform>%n Austausch aus dem Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
            <numerusform>%n Austausche aus dem Verlauf löschen? Dies kann nicht rückgängig gemacht werden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Deleted %n exchange(s) from the history</source>
        <translation>
            <numerusform>%n Austausch aus dem Verlauf gelöscht</numerusform>
            <numerusform>%n Austausche aus dem Verlauf gelöscht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>Export %n exchange(s)</source>
        <translation>
            <numerusform>%n Austausch exportieren</numerusform>
            <numerusform>%n Austausche exportieren</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n exchange(s) to %1 with fresh tokens (never the key); treat the file as a secret until they expire</source>
        <translation>
            <numerusform>%n Austausch nach %1 exportiert, mit frischen Tokens (nie dem Schlüssel); behandeln Sie die Datei bis zu deren Ablauf als Geheimnis</numerusform>
            <numerusform>%n Austausche nach %1 exportiert, mit frischen Tokens (nie dem Schlüssel); behandeln Sie die Datei bis zu deren Ablauf als Geheimnis</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Exported %n exchange(s) to %1; the file holds no key or signature</source>
        <translation>
            <numerusform>%n Austausch nach %1 exportiert; die Datei enthält keinen Schlüssel und keine Signatur</numerusform>
            <numerusform>%n Austausche nach %1 exportiert; die Datei enthält keinen Schlüssel und keine Signatur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HubPage</name>
    <message>
        <location filename="../../ui/credentialinput.cpp" line="+23"/>
        <source>%1 is empty.</source>
        <translation>%1 ist leer.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The service-account file is not JSON: %1</source>
        <translation>Die Dienstkonto-Datei ist kein JSON: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The service-account file has no %1.</source>
        <translation>Die Dienstkonto-Datei enthält kein %1.</translation>
    </message>
    <message>
        <location filename="../../ui/hubcards.cpp" line="+24"/>
        <source>Token and certificate</source>
        <translation>Token und Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No mode</source>
        <translation>Kein Modus</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Apple (APNs)</source>
        <translation>Apple (APNs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows (WNS)</source>
        <translation>Windows (WNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FCM legacy (GCM)</source>
        <translation>FCM legacy (GCM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows Phone (MPNS)</source>
        <translation>Windows Phone (MPNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon (ADM)</source>
        <translation>Amazon (ADM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baidu</source>
        <translation>Baidu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase (FCM v1)</source>
        <translation>Firebase (FCM v1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browser (Web Push)</source>
        <translation>Browser (Web Push)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xiaomi</source>
        <translation>Xiaomi</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never expires</source>
        <translation>läuft nie ab</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n Tag</numerusform>
            <numerusform>%n Tage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Certificate expired %n day(s) ago</source>
        <translation>
            <numerusform>Zertifikat vor %n Tag abgelaufen</numerusform>
            <numerusform>Zertifikat vor %n Tagen abgelaufen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate expires today</source>
        <translation>Zertifikat läuft heute ab</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Certificate expires in %n day(s)</source>
        <translation>
            <numerusform>Zertifikat läuft in %n Tag ab</numerusform>
            <numerusform>Zertifikat läuft in %n Tagen ab</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/hubchange.cpp" line="+35"/>
        <source>%1: %2 removed</source>
        <translation>%1: %2 entfernt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 added (secret)</source>
        <translation>%1: %2 hinzugefügt (geheim)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 added: %3</source>
        <translation>%1: %2 hinzugefügt: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 changed (secret)</source>
        <translation>%1: %2 geändert (geheim)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 changed from %3 to %4</source>
        <translation>%1: %2 von %3 auf %4 geändert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: credential removed (%2)</source>
        <translation>%1: Anmeldedaten entfernt (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: credential added (%2)</source>
        <translation>%1: Anmeldedaten hinzugefügt (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registration TTL changed from %1 to %2</source>
        <translation>Registrierungs-TTL von %1 auf %2 geändert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authorization rules changed</source>
        <translation>Autorisierungsregeln geändert</translation>
    </message>
    <message>
        <location filename="../../ui/hubpage.cpp" line="+38"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+135"/>
        <source>Reading the hub…</source>
        <translation>Hub wird gelesen…</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Authorization rules</source>
        <translation>Autorisierungsregeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rights</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Used by this profile</source>
        <translation>Von diesem Profil verwendet</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+119"/>
        <source>Hub %1</source>
        <translation>Hub %1</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+84"/>
        <source>Reading the hub was cancelled.</source>
        <translation>Das Lesen des Hubs wurde abgebrochen.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Counting registrations…</source>
        <translation>Registrierungen werden gezählt…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Counting the hub&apos;s registrations to check that every platform they use has a credential…</source>
        <translation>Die Registrierungen des Hubs werden gezählt, um zu prüfen, ob jede von ihnen genutzte Plattform Zugangsdaten hat…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>The hub&apos;s configuration could not be read.</source>
        <translation>Die Konfiguration des Hubs konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+114"/>
        <source>What to do: %1</source>
        <translation>Was zu tun ist: %1</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>(current)</source>
        <translation>(aktuell)</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>The checks found %n thing(s) to fix in this hub&apos;s configuration.</source>
        <translation>
            <numerusform>Die Prüfungen haben %n Punkt gefunden, der in der Konfiguration dieses Hubs zu beheben ist.</numerusform>
            <numerusform>Die Prüfungen haben %n Punkte gefunden, die in der Konfiguration dieses Hubs zu beheben sind.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This is a production profile: sends to the removed platform will fail for every device.</source>
        <translation>Dies ist ein Produktionsprofil: Sendungen an die entfernte Plattform schlagen für jedes Gerät fehl.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This is a production profile: every device of this platform gets its pushes through the new credential.</source>
        <translation>Dies ist ein Produktionsprofil: Jedes Gerät dieser Plattform erhält seine Pushes über die neuen Anmeldedaten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the Hub Configuration</source>
        <translation>Hub-Konfiguration speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saving replaces the hub&apos;s whole description. This changes:</source>
        <translation>Das Speichern ersetzt die gesamte Beschreibung des Hubs. Dabei ändert sich:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The hub&apos;s configuration could not be saved.</source>
        <translation>Die Konfiguration des Hubs konnte nicht gespeichert werden.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+10"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>(not a rule of this hub)</source>
        <translation>(keine Regel dieses Hubs)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration TTL: %1</source>
        <translation>Registrierungs-TTL: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily operations: %1</source>
        <translation>Operationen pro Tag: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily maximum of active devices: %1</source>
        <translation>Höchstzahl aktiver Geräte pro Tag: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily maximum of active registrations: %1</source>
        <translation>Höchstzahl aktiver Registrierungen pro Tag: %1</translation>
    </message>
</context>
<context>
    <name>HubPageDock</name>
    <message>
        <location filename="../../ui/hubpagedock.cpp" line="+19"/>
        <source>Hub Configuration</source>
        <translation>Hub-Konfiguration</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Hub &amp;Configuration…</source>
        <translation>Hub-&amp;Konfiguration…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub&apos;s push credentials, rules and what the checks find</source>
        <translation>Die Push-Anmeldedaten und Regeln des Hubs und was die Prüfungen finden</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Not connected: “%1” has no working connection yet, so there is no hub configuration to show.</source>
        <translation>Nicht verbunden: „%1“ hat noch keine funktionierende Verbindung, daher gibt es keine Hub-Konfiguration anzuzeigen.</translation>
    </message>
</context>
<context>
    <name>HubViews</name>
    <message>
        <location filename="../../ui/hubviews.cpp" line="+21"/>
        <source>Registrations</source>
        <translation>Registrierungen</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+24"/>
        <source>Reach</source>
        <translation>Reichweite</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reach (%1)</source>
        <translation>Reichweite (%1)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reload from the hub: the reach preview and known tags when the composer has the focus, the registrations otherwise (F5)</source>
        <translation>Neu vom Hub laden: die Reichweitenvorschau und die bekannten Tags, wenn der Nachrichteneditor den Fokus hat, sonst die Registrierungen (F5)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show &amp;Registrations</source>
        <translation>&amp;Registrierungen anzeigen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing to refresh: “%1” is not connected.</source>
        <translation>Nichts zu aktualisieren: „%1“ ist nicht verbunden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fetching the hub&apos;s registrations for the reach preview and tag completion…</source>
        <translation>Die Registrierungen des Hubs werden für die Reichweitenvorschau und die Tag-Vervollständigung abgerufen…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registration %1 is not among those loaded in Registrations; load more or refresh to find it.</source>
        <translation>Registrierung %1 ist nicht unter den in „Registrierungen“ geladenen; laden Sie weitere oder aktualisieren Sie, um sie zu finden.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Ready to send to registration %1: check the payload, then press Send (Ctrl+Enter).</source>
        <translation>Bereit zum Senden an Registrierung %1: Prüfen Sie die Payload und klicken Sie dann auf „Senden“ (Ctrl+Enter).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Connecting to “%1”…</source>
        <translation>Verbindung zu „%1“ wird hergestellt…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not connected: “%1” has no working connection yet, so there is nothing to list.</source>
        <translation>Nicht verbunden: „%1“ hat noch keine funktionierende Verbindung, daher gibt es nichts aufzulisten.</translation>
    </message>
</context>
<context>
    <name>InstallationDialog</name>
    <message>
        <location filename="../../ui/installationdialog.cpp" line="+42"/>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Installation id</source>
        <translation>Installations-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Get</source>
        <translation>&amp;Abrufen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&lt;b&gt;Installation&lt;/b&gt; (JSON)</source>
        <translation>&lt;b&gt;Installation&lt;/b&gt; (JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Patch&lt;/b&gt; (JSON Patch, checked against the loaded installation)</source>
        <translation>&lt;b&gt;Patch&lt;/b&gt; (JSON Patch, gegen die geladene Installation geprüft)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Save (PUT)</source>
        <translation>&amp;Speichern (PUT)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apply &amp;patch</source>
        <translation>&amp;Patch anwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Id:</source>
        <translation>&amp;ID:</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Getting installation…</source>
        <translation>Installation wird abgerufen…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saving installation…</source>
        <translation>Installation wird gespeichert…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Patching installation…</source>
        <translation>Installation wird gepatcht…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete installation</source>
        <translation>Installation löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete installation %1 and the registrations it made?</source>
        <translation>Installation %1 und die von ihr erstellten Registrierungen löschen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deleting installation…</source>
        <translation>Installation wird gelöscht…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Loaded installation %1 (%2 ms).</source>
        <translation>Installation %1 geladen (%2 ms).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved installation %1.</source>
        <translation>Installation %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patched installation %1.</source>
        <translation>Installation %1 gepatcht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted installation %1.</source>
        <translation>Installation %1 gelöscht.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Get an installation, or write one to save.</source>
        <translation>Rufen Sie eine Installation ab oder schreiben Sie eine, um sie zu speichern.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Valid installation.</source>
        <translation>Gültige Installation.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write a JSON Patch array to apply to the installation.</source>
        <translation>Schreiben Sie ein JSON-Patch-Array, das auf die Installation angewendet werden soll.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Valid patch; tags after it: %1.</source>
        <translation>Gültiger Patch; Tags danach: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid patch.</source>
        <translation>Gültiger Patch.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+204"/>
        <source>nhconsole — %1</source>
        <translation>nhconsole — %1</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowservices.cpp" line="+39"/>
        <location filename="../../ui/startupsequence.cpp" line="+156"/>
        <source>Ready. Ctrl+Enter sends.</source>
        <translation>Bereit. Ctrl+Enter sendet.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="+72"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>&amp;SAS Token Inspector…</source>
        <translation>&amp;SAS-Token-Inspektor…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Search History</source>
        <translation>Verlauf &amp;durchsuchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy as &amp;curl</source>
        <translation>Als &amp;curl kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as &amp;JSON</source>
        <translation>Als &amp;JSON kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reveal Secrets</source>
        <translation>Geheimnisse &amp;aufdecken</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Go to &amp;Payload</source>
        <translation>Zur &amp;Payload</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to &amp;Tag Expression</source>
        <translation>Zum &amp;Tag-Ausdruck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reset &amp;Layout</source>
        <translation>&amp;Layout zurücksetzen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About nhconsole</source>
        <translation>&amp;Über nhconsole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>&amp;Traffic</source>
        <translation>&amp;Datenverkehr</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every client&apos;s requests to the bundled emulator, live</source>
        <translation>Die Anfragen aller Clients an den mitgelieferten Emulator, live</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Profile </source>
        <translation>Profil </translation>
    </message>
    <message>
        <location line="-135"/>
        <source>&amp;Save Exchange…</source>
        <translation>Austausch &amp;speichern…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>H&amp;ub</source>
        <translation>H&amp;ub</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="-38"/>
        <source>connecting to “%1”…</source>
        <translation>Verbindung zu „%1“ wird hergestellt…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reading the key of “%1” from the system keychain…</source>
        <translation>Der Schlüssel von „%1“ wird aus dem System-Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 · hub %2 · rule %3 · %4</source>
        <translation>%1 · Hub %2 · Regel %3 · %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sending to “%1” (hub %2)</source>
        <translation>Sendungen gehen an „%1“ (Hub %2)</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>“%1” has no working connection; the banner above says why.</source>
        <translation>„%1“ hat keine funktionierende Verbindung; das Banner oben nennt den Grund.</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location line="+153"/>
        <source>%1 · not connected</source>
        <translation>%1 · nicht verbunden</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Key for this run</source>
        <translation>Schlüssel für diese Sitzung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The SAS key of rule “%1” for “%2”. It is kept in memory until nhconsole quits and never written to disk.</source>
        <translation>Der SAS-Schlüssel der Zugriffsregel „%1“ für „%2“. Er wird im Speicher gehalten, bis nhconsole beendet wird, und nie auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindowbuild.cpp" line="+0"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Notification</source>
        <translation>Be&amp;nachrichtigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hi&amp;story</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+67"/>
        <source>About nhconsole</source>
        <translation>Über nhconsole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;nhconsole %1&lt;/b&gt;&lt;p&gt;A debugging console for Azure Notification Hubs: compose, validate and send notifications, and see the exact request beside the hub&apos;s answer.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;b&gt;nhconsole %1&lt;/b&gt;&lt;p&gt;Eine Debugging-Konsole für Azure Notification Hubs: Benachrichtigungen verfassen, validieren und senden, und die genaue Anfrage neben der Antwort des Hubs sehen.&lt;/p&gt;&lt;p&gt;Lizenziert unter der GPL, Version 3 oder höher.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Nh::AdmBaiduPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/admbaidupayload.cpp" line="+38"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data with consolidation key</source>
        <translation>Daten mit Konsolidierungsschlüssel</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The %1 has no &quot;data&quot; object: ADM needs {&quot;data&quot;:{…}}</source>
        <translation>Die %1 hat kein &quot;data&quot;-Objekt: ADM benötigt {&quot;data&quot;:{…}}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;data&quot; must be an object of strings, not %1</source>
        <translation>&quot;data&quot; muss ein Objekt aus Strings sein, nicht %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Android notification</source>
        <translation>Android-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iOS notification</source>
        <translation>iOS-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Baidu push is deprecated in Notification Hubs; delivery is not confirmed to work</source>
        <translation>Baidu-Push ist in Notification Hubs veraltet; es ist nicht bestätigt, dass die Zustellung funktioniert</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The header X-Baidu-Message-Type must be 0 (message) or 1 (notification), not &quot;%1&quot;</source>
        <translation>Der Header X-Baidu-Message-Type muss 0 (Nachricht) oder 1 (Benachrichtigung) sein, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>Nh::ApnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/apnspayload.cpp" line="+70"/>
        <source>Alert</source>
        <translation>Alert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Background (silent)</source>
        <translation>Hintergrund (still)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The %1 has no &quot;aps&quot; object: APNs needs {&quot;aps&quot;:{…}} at the top level</source>
        <translation>%1 enthält kein &quot;aps&quot;-Objekt: APNs braucht {&quot;aps&quot;:{…}} auf oberster Ebene</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;aps&quot; must be an object, not %1</source>
        <translation>&quot;aps&quot; muss ein Objekt sein, nicht %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;aps&quot; has none of alert, badge, sound or content-available: the device will show nothing</source>
        <translation>&quot;aps&quot; enthält weder alert noch badge, sound oder content-available: Das Gerät zeigt nichts an</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;content-available&quot; should be the number 1; APNs ignores other values</source>
        <translation>&quot;content-available&quot; sollte die Zahl 1 sein; APNs ignoriert andere Werte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A background push needs &quot;content-available&quot;: 1 in &quot;aps&quot;</source>
        <translation>Ein Hintergrund-Push braucht &quot;content-available&quot;: 1 in &quot;aps&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apple wants background pushes without alert, badge or sound; APNs may drop this one</source>
        <translation>Apple erwartet Hintergrund-Pushes ohne alert, badge oder sound; APNs verwirft diesen möglicherweise</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The header apns-push-type has the unknown value &quot;%1&quot;; use alert, background, voip, complication, fileprovider, mdm, location, liveactivity, pushtotalk, widgets or controls</source>
        <translation>Der Header apns-push-type hat den unbekannten Wert „%1“; verwenden Sie alert, background, voip, complication, fileprovider, mdm, location, liveactivity, pushtotalk, widgets oder controls</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header %1 must be 10 (immediate) or 5 (power-saving), not &quot;%2&quot;</source>
        <translation>Der Header %1 muss 10 (sofort) oder 5 (energiesparend) sein, nicht „%2“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header apns-expiration must be a UNIX time in seconds (an integer such as 1700000000, or 0), not &quot;%1&quot;</source>
        <translation>Der Header apns-expiration muss eine UNIX-Zeit in Sekunden sein (eine Ganzzahl wie 1700000000 oder 0), nicht „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header apns-collapse-id is %1 bytes; APNs refuses more than %2</source>
        <translation>Der Header apns-collapse-id ist %1 Bytes lang; APNs lehnt mehr als %2 ab</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hub takes the APNs topic from its APNs credential; the header apns-topic may be ignored or refused</source>
        <translation>Der Hub nimmt das APNs-Topic aus seinen APNs-Zugangsdaten; der Header apns-topic wird möglicherweise ignoriert oder abgelehnt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SDKs disagree on the date format of %1; prefer apns-expiration (UNIX seconds)</source>
        <translation>Die SDKs sind sich über das Datumsformat von %1 uneinig; verwenden Sie besser apns-expiration (UNIX-Sekunden)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apple requires apns-priority 5 for background pushes; APNs refuses priority 10 with push type background</source>
        <translation>Apple verlangt apns-priority 5 für Hintergrund-Pushes; APNs lehnt Priorität 10 mit dem Push-Typ background ab</translation>
    </message>
</context>
<context>
    <name>Nh::Cli</name>
    <message>
        <location filename="../../core/cli/cli.cpp" line="+42"/>
        <source>The hub connection: &apos;-&apos; reads it from the first line of standard input, &apos;@FILE&apos; from a file; text without SharedAccessKey takes the key from NH_SAS_KEY. Default: NH_CONNECTION_STRING.</source>
        <translation>Die Hub-Verbindung: &apos;-&apos; liest sie aus der ersten Zeile der Standardeingabe, &apos;@FILE&apos; aus einer Datei; bei Text ohne SharedAccessKey wird der Schlüssel aus NH_SAS_KEY genommen. Standard: NH_CONNECTION_STRING.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub name. Default: NH_HUB.</source>
        <translation>Der Name des Hubs. Standard: NH_HUB.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also trust the certificates in this PEM file (the emulator&apos;s). Default: NH_CA_FILE.</source>
        <translation>Zusätzlich den Zertifikaten in dieser PEM-Datei vertrauen (denen des Emulators). Standard: NH_CA_FILE.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give up when the hub sends nothing for this long (default 30).</source>
        <translation>Abbrechen, wenn der Hub so lange nichts sendet (Standard: 30).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON document on stdout, for scripts.</source>
        <translation>Ein einziges JSON-Dokument auf stdout ausgeben, für Skripte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log the nh.* categories to stderr (secrets redacted).</source>
        <translation>Die Kategorien nh.* auf stderr protokollieren (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exit status: 0 success, 1 other failure, 2 usage error, 3 input refused before sending, 4 transport error (no HTTP answer, TLS, timeout), 5 hub error (4xx/5xx), 6 a test send that reached no registration, 7 an unreadable answer.</source>
        <translation>Exit-Status: 0 Erfolg, 1 sonstiger Fehlschlag, 2 Aufruffehler, 3 Eingabe vor dem Senden abgelehnt, 4 Transportfehler (keine HTTP-Antwort, TLS, Zeitüberschreitung), 5 Hub-Fehler (4xx/5xx), 6 Testsendung hat keine Registrierung erreicht, 7 unlesbare Antwort.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Show this help (nhcli COMMAND --help: the command&apos;s own).</source>
        <translation>Diese Hilfe anzeigen (nhcli COMMAND --help: die Hilfe des Befehls).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>nhcli: send to, inspect and emulate Azure Notification Hubs from the command line.

Commands:
</source>
        <translation>nhcli: Azure Notification Hubs von der Kommandozeile aus senden, untersuchen und emulieren.

Befehle:
</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Run nhcli COMMAND --help for the options of a command.</source>
        <translation>Mit nhcli COMMAND --help erhalten Sie die Optionen eines Befehls.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command to run.</source>
        <translation>Der auszuführende Befehl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Usage: nhcli [global options] %1 [options]</source>
        <translation>Aufruf: nhcli [globale Optionen] %1 [Optionen]</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Unknown command &apos;%1&apos;. Run nhcli --help for the list.</source>
        <translation>Unbekannter Befehl „%1“. Mit nhcli --help erhalten Sie die Liste.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Run nhcli %1--help for the options.</source>
        <translation>Mit nhcli %1--help erhalten Sie die Optionen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name a command.</source>
        <translation>Geben Sie einen Befehl an.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--timeout takes a number of seconds, not &apos;%1&apos;.</source>
        <translation>--timeout erwartet eine Anzahl Sekunden, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../../core/cli/clisession.cpp" line="+61"/>
        <source>Standard input cannot be read.</source>
        <translation>Die Standardeingabe kann nicht gelesen werden.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 - reads standard input, which cannot be read.</source>
        <translation>%1 - liest die Standardeingabe, die jedoch nicht gelesen werden kann.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1: the file %2 cannot be read: %3.</source>
        <translation>%1: Die Datei %2 kann nicht gelesen werden: %3.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>--connection-string - expects the connection string as the first line of standard input, but it is empty.</source>
        <translation>--connection-string - erwartet die Verbindungszeichenfolge in der ersten Zeile der Standardeingabe, diese ist aber leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refusing a connection string with a SharedAccessKey on the command line: every user of this machine can read it in the process list (ps), and it stays in your shell history. Pass it on standard input with --connection-string - , from a file with --connection-string @FILE, or in the environment variable NH_CONNECTION_STRING; or give the string without its key and put the key in NH_SAS_KEY.</source>
        <translation>Eine Verbindungszeichenfolge mit SharedAccessKey auf der Kommandozeile wird abgelehnt: Jeder Benutzer dieses Rechners kann sie in der Prozessliste (ps) lesen, und sie bleibt im Verlauf Ihrer Shell. Übergeben Sie sie auf der Standardeingabe mit --connection-string - , aus einer Datei mit --connection-string @FILE oder in der Umgebungsvariablen NH_CONNECTION_STRING; oder geben Sie die Zeichenfolge ohne Schlüssel an und legen Sie den Schlüssel in NH_SAS_KEY ab.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No hub connection: set NH_CONNECTION_STRING and NH_HUB, or pass --connection-string - with the string on standard input and --hub NAME. nhcli never takes a key as an argument.</source>
        <translation>Keine Hub-Verbindung: Setzen Sie NH_CONNECTION_STRING und NH_HUB, oder übergeben Sie --connection-string - mit der Zeichenfolge auf der Standardeingabe und --hub NAME. nhcli nimmt nie einen Schlüssel als Argument entgegen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection string from %1 has no SharedAccessKey. Set NH_SAS_KEY, or pass the whole string on standard input.</source>
        <translation>Die Verbindungszeichenfolge aus %1 enthält keinen SharedAccessKey. Setzen Sie NH_SAS_KEY, oder übergeben Sie die vollständige Zeichenfolge auf der Standardeingabe.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection string from %1 is not valid: %2</source>
        <translation>Die Verbindungszeichenfolge aus %1 ist ungültig: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No hub name: pass --hub NAME or set NH_HUB (a connection string names the namespace, not the hub).</source>
        <translation>Kein Hub-Name: Übergeben Sie --hub NAME oder setzen Sie NH_HUB (eine Verbindungszeichenfolge nennt den Namespace, nicht den Hub).</translation>
    </message>
    <message>
        <location line="-79"/>
        <location filename="../../core/cli/emulatorcommand.cpp" line="+221"/>
        <source>No PEM certificate could be read from %1 (--ca-file or NH_CA_FILE).</source>
        <translation>Aus %1 konnte kein PEM-Zertifikat gelesen werden (--ca-file oder NH_CA_FILE).</translation>
    </message>
    <message>
        <location line="+124"/>
        <location filename="../../core/cli/exchangetext.cpp" line="+141"/>
        <location filename="../../core/cli/templatetext.cpp" line="+266"/>
        <source>error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../../core/cli/templatetext.cpp" line="+0"/>
        <location line="+94"/>
        <source>warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <location filename="../../core/cli/emulatorcommand.cpp" line="-180"/>
        <source>Port on 127.0.0.1 and ::1 (default 0: any free port).</source>
        <translation>Port auf 127.0.0.1 und ::1 (Standard 0: ein beliebiger freier Port).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder for the TLS certificate (made on first start, then reused). Default: the one nhemulator uses.</source>
        <translation>Ordner für das TLS-Zertifikat (beim ersten Start erzeugt, danach wiederverwendet). Standard: der Ordner, den nhemulator verwendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep keys, registrations and installations in this SQLite file.</source>
        <translation>Schlüssel, Registrierungen und Installationen in dieser SQLite-Datei aufbewahren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start with an empty hub instead of demo registrations.</source>
        <translation>Mit einem leeren Hub statt mit Demo-Registrierungen starten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print every exchange the emulator serves on stderr (secrets redacted).</source>
        <translation>Jeden Austausch, den der Emulator bedient, auf stderr ausgeben (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>traffic: keep printing new exchanges as they come, until Ctrl+C.</source>
        <translation>traffic: neue Austausche fortlaufend ausgeben, sobald sie eintreffen, bis Ctrl+C.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>traffic: the running emulator, e.g. https://localhost:8443 (or give --port).</source>
        <translation>traffic: der laufende Emulator, z. B. https://localhost:8443 (oder --port angeben).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Run a local hub emulator and print its connection strings.</source>
        <translation>Einen lokalen Hub-Emulator starten und seine Verbindungszeichenfolgen ausgeben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starts the bundled Notification Hubs emulator in this process (HTTPS on 127.0.0.1 with its own certificate), prints the certificate and a connection string per SAS rule, and serves until stopped (Ctrl+C). --hub names its hub (default myHub). In another shell:

  eval &quot;$(nhcli emulator --port 8443 | grep ^export)&quot;   # or copy the lines
  nhcli send --format apple --tags sports

emulator traffic prints the exchanges of an emulator that is running (this command&apos;s, nhemulator or the console&apos;s), one a line, from any client: --url https://localhost:PORT or --port PORT names it, --follow keeps printing until Ctrl+C, --json prints each exchange as a JSON object. Its certificate is trusted from --ca-file (NH_CA_FILE) or --cert-dir (default: the one nhemulator uses).</source>
        <translation>Startet den mitgelieferten Notification-Hubs-Emulator in diesem Prozess (HTTPS auf 127.0.0.1 mit eigenem Zertifikat), gibt das Zertifikat und je SAS-Regel eine Verbindungszeichenfolge aus und bedient Anfragen, bis er beendet wird (Ctrl+C). --hub benennt seinen Hub (Standard myHub). In einer anderen Shell:

  eval &quot;$(nhcli emulator --port 8443 | grep ^export)&quot;   # oder die Zeilen kopieren
  nhcli send --format apple --tags sports

emulator traffic gibt die Austausche eines laufenden Emulators aus (dieses Befehls, von nhemulator oder der Konsole), einen pro Zeile, von jedem Client: --url https://localhost:PORT oder --port PORT benennt ihn, --follow gibt fortlaufend aus bis Ctrl+C, --json gibt jeden Austausch als JSON-Objekt aus. Seinem Zertifikat wird über --ca-file (NH_CA_FILE) oder --cert-dir (Standard: der Ordner, den nhemulator verwendet) vertraut.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--follow and --url go with emulator traffic.</source>
        <translation>--follow und --url gehören zu emulator traffic.</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>emulator traffic takes no more arguments (&apos;%1&apos;).</source>
        <translation>emulator traffic erwartet keine weiteren Argumente („%1“).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--url takes the emulator&apos;s address with its port, such as https://localhost:8443, not &apos;%1&apos;.</source>
        <translation>--url erwartet die Adresse des Emulators mit Port, etwa https://localhost:8443, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>emulator traffic needs the running emulator: --url https://localhost:PORT or --port PORT.</source>
        <translation>emulator traffic braucht den laufenden Emulator: --url https://localhost:PORT oder --port PORT.</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>emulator takes no arguments (&apos;%1&apos;).</source>
        <translation>emulator erwartet keine Argumente („%1“).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--port takes a number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation>--port erwartet eine Zahl von 0 bis 65535, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Generated %1 registrations in %2 ms (%3 a second)</source>
        <translation>%1 Registrierungen in %2 ms erzeugt (%3 pro Sekunde)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Emulator listening on https://127.0.0.1:%1/ (hub &quot;%2&quot;)</source>
        <translation>Emulator lauscht auf https://127.0.0.1:%1/ (Hub „%2“)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate: %1</source>
        <translation>Zertifikat: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection strings:</source>
        <translation>Verbindungszeichenfolgen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For nhcli in another shell:</source>
        <translation>Für nhcli in einer anderen Shell:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Ctrl+C to stop.</source>
        <translation>Zum Beenden Ctrl+C drücken.</translation>
    </message>
    <message>
        <location filename="../../core/cli/exchangetext.cpp" line="-106"/>
        <source>… %1 more lines (--json shows the whole body)</source>
        <translation>… %1 weitere Zeilen (--json zeigt den vollständigen Body)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(as built; Qt adds Host, Content-Length, Connection and Accept-Encoding)</source>
        <translation>(wie erstellt; Qt fügt Host, Content-Length, Connection und Accept-Encoding hinzu)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No HTTP response</source>
        <translation>Keine HTTP-Antwort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(first byte %1 ms)</source>
        <translation>(erstes Byte %1 ms)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification id</source>
        <translation>Benachrichtigungs-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking id</source>
        <translation>Tracking-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+244"/>
        <location line="+17"/>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuation</source>
        <translation>Fortsetzung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome: %1 succeeded, %2 failed</source>
        <translation>Ergebnis: %1 erfolgreich, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No registration matched the target.</source>
        <translation>Keine Registrierung entsprach dem Ziel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hub error</source>
        <translation>Hub-Fehler</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not sent:</source>
        <translation>Nicht gesendet:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cause:</source>
        <translation>Ursache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next:</source>
        <translation>Weiter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>docs:</source>
        <translation>Doku:</translation>
    </message>
    <message>
        <location filename="../../core/cli/installationscommand.cpp" line="+28"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>put: the installation JSON; patch: the JSON Patch array. TEXT, @FILE or -.</source>
        <translation>put: das Installations-JSON; patch: das JSON-Patch-Array. TEXT, @FILE oder -.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put without --body: the platform (%1).</source>
        <translation>put ohne --body: die Plattform (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put without --body: the PNS handle.</source>
        <translation>put ohne --body: das PNS-Handle.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put without --body: the tags, comma-separated.</source>
        <translation>put ohne --body: die Tags, durch Kommas getrennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put without --body: the user id.</source>
        <translation>put ohne --body: die Benutzer-ID.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Get, put, patch or delete installations.</source>
        <translation>Installationen abrufen, speichern, patchen oder löschen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Works on the hub&apos;s installations.

  get ID
  put [ID] --body JSON|@FILE|-     (ID overrides the body&apos;s installationId)
  put ID --platform P --push-channel H [--tags a,b] [--user-id U]
  patch ID --body &apos;[{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}]&apos;
  delete ID</source>
        <translation>Arbeitet mit den Installationen des Hubs.

  get ID
  put [ID] --body JSON|@FILE|-     (ID ersetzt die installationId im Body)
  put ID --platform P --push-channel H [--tags a,b] [--user-id U]
  patch ID --body &apos;[{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}]&apos;
  delete ID</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>installations needs an action: get, put, patch or delete.</source>
        <translation>installations braucht eine Aktion: get, put, patch oder delete.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown action &apos;%1&apos;: use get, put, patch or delete.</source>
        <translation>Unbekannte Aktion „%1“: Verwenden Sie get, put, patch oder delete.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>installations %1 needs an installation ID.</source>
        <translation>installations %1 braucht eine Installations-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many arguments for installations %1: &apos;%2&apos;.</source>
        <translation>Zu viele Argumente für installations %1: „%2“.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted installation %1.</source>
        <translation>Installation %1 gelöscht.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give the installation either as --body or with --platform, --push-channel, --tags and --user-id, not both.</source>
        <translation>Geben Sie die Installation entweder mit --body oder mit --platform, --push-channel, --tags und --user-id an, nicht beides.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--body: %1</source>
        <translation>--body: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>installations put needs --body, or an ID with --platform and --push-channel.</source>
        <translation>installations put braucht --body oder eine ID mit --platform und --push-channel.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-75"/>
        <location line="+105"/>
        <source>Unknown --platform &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekannte --platform „%1“; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+26"/>
        <source>--tags: %1</source>
        <translation>--tags: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stored installation %1.</source>
        <translation>Installation %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>installations patch needs --body with a JSON Patch.</source>
        <translation>installations patch braucht --body mit einem JSON Patch.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--body is not JSON: %1 at position %2.</source>
        <translation>--body ist kein JSON: %1 an Position %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--body must be a JSON Patch: an array of operations such as [{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}].</source>
        <translation>--body muss ein JSON Patch sein: ein Array von Operationen wie [{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}].</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patched installation %1.</source>
        <translation>Installation %1 gepatcht.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Installation %1</source>
        <translation>Installation %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/cli/telemetrycommand.cpp" line="+97"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push channel</source>
        <translation>Push-Kanal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel expired</source>
        <translation>Kanal abgelaufen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-57"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-16"/>
        <location line="+16"/>
        <location filename="../../core/cli/telemetrycommand.cpp" line="-13"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update</source>
        <translation>Letzte Aktualisierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location filename="../../core/cli/registrationscommand.cpp" line="-234"/>
        <source>%1 template</source>
        <translation>%1-Vorlage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list: only the registrations with this tag.</source>
        <translation>list: nur die Registrierungen mit diesem Tag.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform: %1 (list: with --handle, by channel; create).</source>
        <translation>Die Plattform: %1 (list: mit --handle, nach Kanal; create).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PNS handle: device token, FCM registration id, channel URI, endpoint.</source>
        <translation>Das PNS-Handle: Geräte-Token, FCM-Registrierungs-ID, Kanal-URI, Endpunkt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list: entries per page (default 100).</source>
        <translation>list: Einträge pro Seite (Standard 100).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list: follow the continuation tokens to the last page.</source>
        <translation>list: den Fortsetzungstoken bis zur letzten Seite folgen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list: start at this continuation token.</source>
        <translation>list: bei diesem Fortsetzungstoken beginnen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create/update: the tags, comma-separated (&apos;&apos; for none).</source>
        <translation>create/update: die Tags, durch Kommas getrennt (&apos;&apos; für keine).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>create/update: a template registration with this body: TEXT, @FILE or -.</source>
        <translation>create/update: eine Vorlagenregistrierung mit diesem Body: TEXT, @FILE oder -.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>create/update: the template&apos;s name.</source>
        <translation>create/update: der Name der Vorlage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create/update: a browser subscription&apos;s P256DH key.</source>
        <translation>create/update: der P256DH-Schlüssel eines Browser-Abonnements.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create/update: a browser subscription&apos;s auth secret.</source>
        <translation>create/update: das Auth-Geheimnis eines Browser-Abonnements.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>update/delete: only if the registration still has this ETag (&apos;*&apos; = any). update defaults to the ETag it read, delete to &apos;*&apos;.</source>
        <translation>update/delete: nur, wenn die Registrierung noch dieses ETag hat (&apos;*&apos; = beliebig). update verwendet standardmäßig das gelesene ETag, delete &apos;*&apos;.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>List, get, create, update or delete registrations.</source>
        <translation>Registrierungen auflisten, abrufen, erstellen, aktualisieren oder löschen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Works on the hub&apos;s registrations.

  list [--tag TAG | --platform P --handle H] [--top N] [--all]
  get ID
  create [ID] --platform P --handle H [--tags a,b] [--body-template BODY --template-name NAME]
      (with ID: PUT, which creates or replaces; without: POST)
  update ID [--tags a,b] [--handle H] [--body-template BODY] [--etag N]
  delete ID [--etag N]</source>
        <translation>Arbeitet mit den Registrierungen des Hubs.

  list [--tag TAG | --platform P --handle H] [--top N] [--all]
  get ID
  create [ID] --platform P --handle H [--tags a,b] [--body-template BODY --template-name NAME]
      (mit ID: PUT, das erstellt oder ersetzt; ohne: POST)
  update ID [--tags a,b] [--handle H] [--body-template BODY] [--etag N]
  delete ID [--etag N]</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>registrations needs an action: list, get, create, update or delete.</source>
        <translation>registrations braucht eine Aktion: list, get, create, update oder delete.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown action &apos;%1&apos;: use list, get, create, update or delete.</source>
        <translation>Unbekannte Aktion „%1“: Verwenden Sie list, get, create, update oder delete.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>registrations %1 needs a registration ID.</source>
        <translation>registrations %1 braucht eine Registrierungs-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many arguments for registrations %1: &apos;%2&apos;.</source>
        <translation>Zu viele Argumente für registrations %1: „%2“.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>--etag takes the registration&apos;s ETag number or &apos;*&apos;, not &apos;%1&apos;.</source>
        <translation>--etag erwartet die ETag-Nummer der Registrierung oder &apos;*&apos;, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--top takes a number from 1 to 1000, not &apos;%1&apos;.</source>
        <translation>--top erwartet eine Zahl von 1 bis 1000, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List by --tag or by --platform and --handle, not both.</source>
        <translation>Auflisten nach --tag oder nach --platform und --handle, nicht beides.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--tag: %1</source>
        <translation>--tag: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listing by channel needs both --platform and --handle.</source>
        <translation>Das Auflisten nach Kanal braucht sowohl --platform als auch --handle.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+14"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n registration(s)</source>
        <translation>
            <numerusform>%n Registrierung</numerusform>
            <numerusform>%n Registrierungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More: --continuation %1 (or --all)</source>
        <translation>Mehr: --continuation %1 (oder --all)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P256DH</source>
        <translation>P256DH</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PushVariables</source>
        <translation>PushVariables</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template name</source>
        <translation>Vorlagenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body template</source>
        <translation>Body-Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A registration cannot change its platform; delete it and create another.</source>
        <translation>Eine Registrierung kann ihre Plattform nicht ändern; löschen Sie sie und erstellen Sie eine neue.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>registrations create needs --platform (%1) and --handle.</source>
        <translation>registrations create braucht --platform (%1) und --handle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>registrations create needs --handle.</source>
        <translation>registrations create braucht --handle.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A browser registration needs --p256dh and --auth.</source>
        <translation>Eine Browser-Registrierung braucht --p256dh und --auth.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nothing to update: give --tags, --handle, --body-template, --template-name, --p256dh or --auth.</source>
        <translation>Nichts zu aktualisieren: Geben Sie --tags, --handle, --body-template, --template-name, --p256dh oder --auth an.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Deleted registration %1.</source>
        <translation>Registrierung %1 gelöscht.</translation>
    </message>
    <message>
        <location filename="../../core/cli/sascommand.cpp" line="+31"/>
        <source>%1 = %2 (in %3 s)</source>
        <translation>%1 = %2 (in %3 s)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 = %2 (expired %3 s ago)</source>
        <translation>%1 = %2 (vor %3 s abgelaufen)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Decode this Authorization value instead of building one: TOKEN, @FILE or - (standard input); with a connection, also check it.</source>
        <translation>Diesen Authorization-Wert decodieren, statt einen zu erstellen: TOKEN, @FILE oder - (Standardeingabe); mit einer Verbindung auch prüfen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lifetime of a built token (default 3600).</source>
        <translation>Lebensdauer eines erstellten Tokens (Standard 3600).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a built token signs: hub (https://ns/hub, the default) or namespace (https://ns/, as the JS SDK).</source>
        <translation>Was ein erstelltes Token signiert: hub (https://ns/hub, der Standard) oder namespace (https://ns/, wie das JS SDK).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the built token with its signature (it grants the rule&apos;s rights until it expires).</source>
        <translation>Das erstellte Token mit seiner Signatur ausgeben (es gewährt bis zu seinem Ablauf die Rechte der Regel).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Build the SAS token of the connection, or decode and check one.</source>
        <translation>Das SAS-Token der Verbindung erstellen oder eines decodieren und prüfen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Builds the Authorization header nhconsole sends for the configured connection (the signature is redacted unless --reveal), or with --decode reads a SharedAccessSignature back: its resource, key name and expiry, and, when a connection is configured, whether the hub would accept it (signature under the connection&apos;s key, expiry, scope).

Examples:
  nhcli sas --ttl 300 --reveal
  nhcli sas --decode - &lt; token.txt</source>
        <translation>Erstellt den Authorization-Header, den nhconsole für die konfigurierte Verbindung sendet (die Signatur ist geschwärzt, außer mit --reveal), oder liest mit --decode eine SharedAccessSignature zurück: ihre Ressource, ihre Zugriffsregel und ihren Ablauf sowie, wenn eine Verbindung konfiguriert ist, ob der Hub sie annehmen würde (Signatur mit dem Schlüssel der Verbindung, Ablauf, Geltungsbereich).

Beispiele:
  nhcli sas --ttl 300 --reveal
  nhcli sas --decode - &lt; token.txt</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>sas takes no arguments (&apos;%1&apos;); a token to read goes in --decode.</source>
        <translation>sas erwartet keine Argumente („%1“); ein zu lesendes Token gehört in --decode.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--ttl takes a number of seconds from 1 to %1, not &apos;%2&apos;.</source>
        <translation>--ttl erwartet eine Anzahl Sekunden von 1 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--audience is hub or namespace, not &apos;%1&apos;.</source>
        <translation>--audience ist hub oder namespace, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+60"/>
        <source>Resource (sr)</source>
        <translation>Ressource (sr)</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Key name (skn)</source>
        <translation>Zugriffsregel (skn)</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Expires (se)</source>
        <translation>Läuft ab (se)</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The signature is redacted; --reveal prints the usable token.</source>
        <translation>Die Signatur ist geschwärzt; --reveal gibt das verwendbare Token aus.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a SharedAccessSignature token: %1</source>
        <translation>Kein SharedAccessSignature-Token: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>UnknownKeyName: the token names the rule &apos;%1&apos;, the connection has the key of &apos;%2&apos;.</source>
        <translation>UnknownKeyName: Das Token nennt die Regel „%1“, die Verbindung hat den Schlüssel von „%2“.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Field order</source>
        <translation>Feldreihenfolge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <location line="+2"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>not checked: no connection (NH_CONNECTION_STRING) to take the key from</source>
        <translation>nicht geprüft: keine Verbindung (NH_CONNECTION_STRING), aus der der Schlüssel genommen werden kann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>valid for %1</source>
        <translation>gültig für %1</translation>
    </message>
    <message>
        <location filename="../../core/cli/telemetrycommand.cpp" line="-60"/>
        <source>(not yet)</source>
        <translation>(noch nicht)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the telemetry of a sent notification (state and outcome counts).</source>
        <translation>Die Telemetrie einer gesendeten Benachrichtigung anzeigen (Zustand und Anzahl je Ergebnis).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reads GET /{hub}/messages/ID: the state of a sent notification and how many deliveries each platform reported, by outcome. ID is the notification id a send printed. The hub answers 404 until the message has been processed (retry after a few seconds) and 403 below the Standard tier.</source>
        <translation>Liest GET /{hub}/messages/ID: den Zustand einer gesendeten Benachrichtigung und wie viele Zustellungen jede Plattform gemeldet hat, nach Ergebnis. ID ist die Benachrichtigungs-ID, die ein Sendevorgang ausgegeben hat. Der Hub antwortet mit 404, bis die Nachricht verarbeitet wurde (nach einigen Sekunden erneut versuchen), und unterhalb des Standard-Tarifs mit 403.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>telemetry takes one notification ID.</source>
        <translation>telemetry erwartet genau eine Benachrichtigungs-ID.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notification %1</source>
        <translation>Benachrichtigung %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enqueued</source>
        <translation>Eingereiht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Platforms</source>
        <translation>Plattformen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body</source>
        <translation>Body</translation>
    </message>
    <message>
        <location filename="../../core/cli/profilescommand.cpp" line="+55"/>
        <source>Profile “%1” is the local emulator: %2</source>
        <translation>Profil „%1“ ist der lokale Emulator: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Without a keychain, pass the connection with NH_CONNECTION_STRING (or --connection-string -) instead of --profile.</source>
        <translation>Übergeben Sie ohne Schlüsselbund die Verbindung mit NH_CONNECTION_STRING (oder --connection-string -) statt mit --profile.</translation>
    </message>
    <message>
        <location filename="../../core/cli/templatepropertycheck.cpp" line="+40"/>
        <source>registration %1 (%2 template)</source>
        <translation>Registrierung %1 (%2-Vorlage)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>registration %1 (%2 template &apos;%3&apos;)</source>
        <translation>Registrierung %1 (%2-Vorlage „%3“)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The template properties were not checked: %1</source>
        <translation>Die Vorlageneigenschaften wurden nicht geprüft: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>… and %n more template registration(s) with missing properties.</source>
        <translation>
            <numerusform>… und %n weitere Vorlagenregistrierung mit fehlenden Eigenschaften.</numerusform>
            <numerusform>… und %n weitere Vorlagenregistrierungen mit fehlenden Eigenschaften.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: its template does not parse (%2); the hub renders nothing for it.</source>
        <translation>%1: Ihre Vorlage kann nicht geparst werden (%2); der Hub erzeugt nichts für sie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the send has no %2, used by its template: rendered as empty text.</source>
        <translation>%1: Ihre Vorlage verwendet %2, die Sendung hat dafür keinen Wert: als leerer Text erzeugt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No reached template uses %1.</source>
        <translation>Keine erreichte Vorlage verwendet %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Only the first %n registration(s) of the hub were checked for template properties.</source>
        <translation>
            <numerusform>Nur %n Registrierung des Hubs (die erste) wurde auf Vorlageneigenschaften geprüft.</numerusform>
            <numerusform>Nur die ersten %n Registrierungen des Hubs wurden auf Vorlageneigenschaften geprüft.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/cli/templatetext.cpp" line="-97"/>
        <source>%1:%2 (offset %3)</source>
        <translation>%1:%2 (Offset %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No findings: the hub accepts this template as it is.</source>
        <translation>Keine Befunde: Der Hub akzeptiert diese Vorlage so, wie sie ist.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Properties used: %1</source>
        <translation>Verwendete Eigenschaften: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Rendered body (%1):</source>
        <translation>Erzeugter Body (%1):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expiry: %1</source>
        <translation>Ablauf: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Substitutions: none (the template has no expressions).</source>
        <translation>Ersetzungen: keine (die Vorlage hat keine Ausdrücke).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Substitutions:</source>
        <translation>Ersetzungen:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MISSING %1</source>
        <translation>FEHLT %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>EMPTY</source>
        <translation>LEER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clipped</source>
        <translation>gekürzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default</source>
        <translation>Standardwert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Place</source>
        <translation>Stelle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rendered</source>
        <translation>Erzeugt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Missing properties (rendered as empty text): %1</source>
        <translation>Fehlende Eigenschaften (als leerer Text erzeugt): %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Payload: a valid %1 payload.</source>
        <translation>Payload: eine gültige %1-Payload.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payload refused: %1</source>
        <translation>Payload abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub reports this registration as &quot;The Notification payload is invalid&quot;.</source>
        <translation>Der Hub meldet für diese Registrierung &quot;The Notification payload is invalid&quot;.</translation>
    </message>
    <message>
        <location filename="../../core/cli/credentialinput.cpp" line="+29"/>
        <source>Line %1 has no property name before &apos;=&apos;.</source>
        <translation>Zeile %1 hat keinen Eigenschaftsnamen vor &apos;=&apos;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The property %1 is given twice.</source>
        <translation>Die Eigenschaft %1 ist doppelt angegeben.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+44"/>
        <source>No credential properties were given.</source>
        <translation>Es wurden keine Eigenschaften der Anmeldedaten angegeben.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>The credential properties are not a JSON object: %1</source>
        <translation>Die Eigenschaften der Anmeldedaten sind kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The property %1 is not a string.</source>
        <translation>Die Eigenschaft %1 ist keine Zeichenkette.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Line %1 is not Name=value.</source>
        <translation>Zeile %1 hat nicht die Form Name=value.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The .p8 file holds no key: expected a PEM private key.</source>
        <translation>Die .p8-Datei enthält keinen Schlüssel: Erwartet wird ein privater PEM-Schlüssel.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The service-account file is not a JSON object: %1</source>
        <translation>Die Dienstkonto-Datei ist kein JSON-Objekt: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The service-account file has no %1: download the key of the Firebase service account again.</source>
        <translation>Die Dienstkonto-Datei enthält kein %1: Laden Sie den Schlüssel des Firebase-Dienstkontos erneut herunter.</translation>
    </message>
    <message>
        <location filename="../../core/cli/hubtext.cpp" line="+41"/>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Hub %1</source>
        <translation>Hub %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>enabled</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration TTL</source>
        <translation>Registrierungs-TTL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(service default)</source>
        <translation>(Standard des Dienstes)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not given)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Daily API calls</source>
        <translation>API-Aufrufe pro Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily active devices (max)</source>
        <translation>Aktive Geräte pro Tag (max.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily active registrations (max)</source>
        <translation>Aktive Registrierungen/Tag (max.)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Credentials</source>
        <translation>Anmeldedaten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not configured</source>
        <translation>nicht konfiguriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>configured (%1)</source>
        <translation>konfiguriert (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Authorization rules</source>
        <translation>Autorisierungsregeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(none returned)</source>
        <translation>(keine zurückgegeben)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(no rights)</source>
        <translation>(keine Rechte)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Secrets are shown as %1; --reveal shows them.</source>
        <translation>Geheimnisse werden als %1 angezeigt; --reveal zeigt sie an.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
</context>
<context>
    <name>Nh::ConnectionGuard</name>
    <message>
        <location filename="../../core/emulator/connectionguard.cpp" line="+155"/>
        <location line="+81"/>
        <source>The request is not an HTTP/1.1 request.</source>
        <translation>Die Anfrage ist keine HTTP/1.1-Anfrage.</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>The request line is longer than %1 bytes.</source>
        <translation>Die Anfragezeile ist länger als %1 Bytes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The request&apos;s header fields are larger than %1 bytes in all.</source>
        <translation>Die Header-Felder der Anfrage sind zusammen größer als %1 Bytes.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+76"/>
        <location line="+39"/>
        <source>The request&apos;s header fields are not HTTP/1.1 header fields.</source>
        <translation>Die Header-Felder der Anfrage sind keine HTTP/1.1-Header-Felder.</translation>
    </message>
    <message>
        <location line="-109"/>
        <location line="+6"/>
        <location line="+76"/>
        <source>The request&apos;s chunked body is malformed.</source>
        <translation>Der Chunked-Body der Anfrage ist fehlerhaft.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The request&apos;s Transfer-Encoding is not chunked.</source>
        <translation>Das Transfer-Encoding der Anfrage ist nicht chunked.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The request&apos;s Content-Length is not a number.</source>
        <translation>Die Content-Length der Anfrage ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The request&apos;s header fields did not arrive within %1 seconds.</source>
        <translation>Die Header-Felder der Anfrage sind nicht innerhalb von %1 Sekunden eingetroffen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request&apos;s body stopped arriving for %1 seconds.</source>
        <translation>Der Body der Anfrage ist %1 Sekunden lang nicht weiter eingetroffen.</translation>
    </message>
</context>
<context>
    <name>Nh::ConnectionString</name>
    <message>
        <location filename="../../core/protocol/connectionstring.cpp" line="+120"/>
        <source>Endpoint at position %1 is not a URL: expected sb://&lt;namespace&gt;.servicebus.windows.net/</source>
        <translation>Endpoint an Position %1 ist keine URL: erwartet wird sb://&lt;namespace&gt;.servicebus.windows.net/</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Endpoint at position %1 uses http://: Notification Hubs are only reachable over HTTPS, so use sb:// or https://</source>
        <translation>Endpoint an Position %1 verwendet http://: Notification Hubs sind nur über HTTPS erreichbar, verwenden Sie also sb:// oder https://</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Endpoint at position %1 has the scheme &apos;%2&apos;: expected sb:// or https://</source>
        <translation>Endpoint an Position %1 hat das Schema &apos;%2&apos;: erwartet wird sb:// oder https://</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Endpoint contains a user name (&apos;@&apos;) at position %1; expected only a host name and an optional port</source>
        <translation>Endpoint enthält an Position %1 einen Benutzernamen (&apos;@&apos;); erwartet werden nur ein Host-Name und optional ein Port</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint at position %1 has an IPv6 address without its closing &apos;]&apos;</source>
        <translation>Endpoint an Position %1 hat eine IPv6-Adresse ohne schließendes &apos;]&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Endpoint at position %1: unexpected &apos;%2&apos; after the IPv6 address</source>
        <translation>Endpoint an Position %1: unerwartetes &apos;%2&apos; nach der IPv6-Adresse</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint at position %1 has no host name</source>
        <translation>Endpoint an Position %1 hat keinen Host-Namen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Endpoint host has an invalid character &apos;%1&apos; at position %2</source>
        <translation>Der Host im Endpoint hat an Position %2 ein ungültiges Zeichen &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Endpoint at position %1 has &apos;%2&apos; in brackets, which is not an IPv6 address</source>
        <translation>Endpoint an Position %1 hat &apos;%2&apos; in eckigen Klammern, was keine IPv6-Adresse ist</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint port &apos;%1&apos; at position %2 is not a number from 1 to 65535</source>
        <translation>Der Port &apos;%1&apos; im Endpoint an Position %2 ist keine Zahl von 1 bis 65535</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Endpoint has a query or fragment (&apos;%1&apos;) at position %2; expected only sb://&lt;host&gt;[:port]/</source>
        <translation>Endpoint hat an Position %2 eine Query oder ein Fragment (&apos;%1&apos;); erwartet wird nur sb://&lt;host&gt;[:port]/</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Endpoint has a path (&apos;%1&apos;) at position %2; the hub name is given separately, so the endpoint must end after the host (and port)</source>
        <translation>Endpoint hat an Position %2 einen Pfad (&apos;%1&apos;); der Hub-Name wird separat angegeben, daher muss der Endpoint nach dem Host (und Port) enden</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The connection string is empty</source>
        <translation>Die Verbindungszeichenfolge ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The surrounding quotes were removed</source>
        <translation>Die umgebenden Anführungszeichen wurden entfernt</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expected Key=Value at position %1, found &apos;%2&apos;</source>
        <translation>An Position %1 wurde Key=Value erwartet, gefunden wurde &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing key name before &apos;=&apos; at position %1</source>
        <translation>Fehlender Schlüsselname vor &apos;=&apos; an Position %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SharedAccessSignature at position %1: connection strings that carry a ready-made token are not supported; nhconsole signs every request and needs SharedAccessKeyName and SharedAccessKey</source>
        <translation>SharedAccessSignature an Position %1: Verbindungszeichenfolgen mit einem fertigen Token werden nicht unterstützt; nhconsole signiert jede Anfrage selbst und braucht SharedAccessKeyName und SharedAccessKey</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown key &apos;%1&apos; at position %2 is ignored</source>
        <translation>Der unbekannte Schlüssel &apos;%1&apos; an Position %2 wird ignoriert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 appears twice: again at position %2 (first at position %3)</source>
        <translation>%1 kommt zweimal vor: erneut an Position %2 (zuerst an Position %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at position %2 is empty</source>
        <translation>%1 an Position %2 ist leer</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The connection string has no %1; expected Endpoint=sb://&lt;namespace&gt;.servicebus.windows.net/;SharedAccessKeyName=&lt;rule&gt;;SharedAccessKey=&lt;key&gt;</source>
        <translation>Der Verbindungszeichenfolge fehlt %1; erwartet wird Endpoint=sb://&lt;namespace&gt;.servicebus.windows.net/;SharedAccessKeyName=&lt;rule&gt;;SharedAccessKey=&lt;key&gt;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>SharedAccessKeyName has an invalid character &apos;%1&apos; at position %2: rule names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>SharedAccessKeyName hat an Position %2 ein ungültiges Zeichen &apos;%1&apos;: Regelnamen bestehen aus Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SharedAccessKey at position %1 is not base64: unexpected &apos;%2&apos; at position %3</source>
        <translation>SharedAccessKey an Position %1 ist kein Base64: unerwartetes &apos;%2&apos; an Position %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SharedAccessKey at position %1 is not base64: its length (%2) is not a multiple of 4 or its padding is wrong; was it copied completely?</source>
        <translation>SharedAccessKey an Position %1 ist kein Base64: Seine Länge (%2) ist kein Vielfaches von 4 oder das Padding ist falsch; wurde er vollständig kopiert?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SharedAccessKey decodes to %1 bytes; keys issued by Azure are 32 bytes (44 characters). Check that it was copied completely.</source>
        <translation>SharedAccessKey ergibt dekodiert %1 Bytes; von Azure ausgestellte Schlüssel haben 32 Bytes (44 Zeichen). Prüfen Sie, ob er vollständig kopiert wurde.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>EntityPath &apos;%1&apos; at position %2 is ignored: Notification Hubs take the hub name separately (use it as the hub name)</source>
        <translation>EntityPath &apos;%1&apos; an Position %2 wird ignoriert: Notification Hubs erhalten den Hub-Namen separat (verwenden Sie ihn als Hub-Namen)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The hub name is empty</source>
        <translation>Der Hub-Name ist leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub name is %1 characters long; the limit is 260</source>
        <translation>Der Hub-Name ist %1 Zeichen lang; das Limit ist 260</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub name must start and end with a letter or digit, not &apos;%1&apos; (position %2)</source>
        <translation>Der Hub-Name muss mit einem Buchstaben oder einer Ziffer beginnen und enden, nicht mit &apos;%1&apos; (Position %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>hub paths with &apos;/&apos; are a legacy form that clients put into URLs unescaped</source>
        <translation>Hub-Pfade mit &apos;/&apos; sind eine veraltete Form, die Clients unmaskiert in URLs einsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clients put the name into the URL path unescaped</source>
        <translation>Clients setzen den Namen unmaskiert in den URL-Pfad ein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>Hub-Namen bestehen aus Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub name has an invalid character &apos;%1&apos; at position %2: %3</source>
        <translation>Der Hub-Name hat an Position %2 ein ungültiges Zeichen &apos;%1&apos;: %3</translation>
    </message>
</context>
<context>
    <name>Nh::DiagnoseCommand</name>
    <message>
        <location filename="../../core/cli/diagnosecommand.cpp" line="+46"/>
        <source>Diagnose the device with this PNS handle.</source>
        <translation>Das Gerät mit diesem PNS-Handle diagnostizieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnose the device of this registration id.</source>
        <translation>Das Gerät dieser Registrierungs-ID diagnostizieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnose this installation.</source>
        <translation>Diese Installation diagnostizieren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnose the devices of this user id (the tag $UserId:{…}).</source>
        <translation>Die Geräte dieser Benutzer-ID diagnostizieren (das Tag $UserId:{…}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --handle: the handle&apos;s platform (%1); default: every platform whose handles look like it.</source>
        <translation>Mit --handle: die Plattform des Handles (%1); Standard: jede Plattform, deren Handles so aussehen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The send that did not arrive: an exchange id from the history (see nhcli history list).</source>
        <translation>Die Sendung, die nicht angekommen ist: eine Austausch-ID aus dem Verlauf (siehe nhcli history list).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The send that did not arrive: its format (%1).</source>
        <translation>Die Sendung, die nicht angekommen ist: ihr Format (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The send that did not arrive: its tag expression.</source>
        <translation>Die Sendung, die nicht angekommen ist: ihr Tag-Ausdruck.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The send that did not arrive: a template property NAME=VALUE (repeatable; implies --format template).</source>
        <translation>Die Sendung, die nicht angekommen ist: eine Vorlageneigenschaft NAME=VALUE (wiederholbar; impliziert --format template).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The send that did not arrive: a header NAME:VALUE it set (repeatable).</source>
        <translation>Die Sendung, die nicht angekommen ist: ein Header NAME:VALUE, den sie gesetzt hat (wiederholbar).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After the checks, make a test send that reaches exactly this device (it pushes to the device).</source>
        <translation>Nach den Prüfungen eine Testsendung ausführen, die genau dieses Gerät erreicht (sie pusht an das Gerät).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After the checks, a real direct send to the device, then its per-message telemetry (Standard tier; it pushes to the device).</source>
        <translation>Nach den Prüfungen eine echte direkte Sendung an das Gerät, danach ihre Telemetrie zu dieser Nachricht (Standard-Tarif; sie pusht an das Gerät).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print the report as Markdown, for a support ticket.</source>
        <translation>Den Bericht als Markdown ausgeben, für ein Support-Ticket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a saved profile (name or id; see nhcli profiles).</source>
        <translation>Ein gespeichertes Profil verwenden (Name oder ID; siehe nhcli profiles).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The history file for --exchange and for handles the hub removed (default: the desktop console&apos;s).</source>
        <translation>Die Verlaufsdatei für --exchange und für Handles, die der Hub entfernt hat (Standard: die der Desktop-Konsole).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not read the history.</source>
        <translation>Den Verlauf nicht lesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Why did this device not get my push? Runs every check for one device.</source>
        <translation>Warum hat dieses Gerät meinen Push nicht erhalten? Führt alle Prüfungen für ein Gerät aus.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Runs the checklist for one device (docs/diagnosis-cli.md): registered at all, duplicate registrations, platform and format, expiry, tags, template, hub configuration; with --send-test or --send-direct also a send to the device. The device is given by exactly one of --handle, --registration, --installation or --user; the send that did not arrive by --exchange, or by --format, --tags, --template and --header. Only targeted queries are made, never a listing of the whole hub, and nothing is pushed unless --send-test or --send-direct.

Prints the verdict line (the most likely cause and its fix) first, then one line per check with its verdict, then the details; --json prints the report as README.md documents it, --markdown as a support ticket. Secrets are redacted in every form.

Exit status of diagnose: 0 every check is ok; %1 a check found a problem; %2 no problem, but warnings or checks that could not tell. The codes for usage, transport and hub errors stay.

Examples:
  nhcli diagnose --handle fcm-token-frank-twice-xR7:APA91bQ2x --format fcmv1 --tags &apos;sports || politics&apos;
  nhcli diagnose --installation 5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35 --json
  nhcli diagnose --registration 123-456-1 --exchange 0b6b8a5e-… --markdown</source>
        <translation>Führt die Checkliste für ein Gerät aus (docs/diagnosis-cli.md): überhaupt registriert, doppelte Registrierungen, Plattform und Format, Ablauf, Tags, Vorlage, Hub-Konfiguration; mit --send-test oder --send-direct auch eine Sendung an das Gerät. Das Gerät wird mit genau einer der Optionen --handle, --registration, --installation oder --user angegeben, die nicht angekommene Sendung mit --exchange oder mit --format, --tags, --template und --header. Es werden nur gezielte Abfragen gestellt, nie eine Auflistung des ganzen Hubs, und es wird nichts gepusht, außer mit --send-test oder --send-direct.

Gibt zuerst die Gesamtbewertung aus (die wahrscheinlichste Ursache und ihre Korrektur), dann eine Zeile je Prüfung mit ihrer Bewertung, dann die Details; --json gibt den Bericht so aus, wie README.md ihn dokumentiert, --markdown als Support-Ticket. Geheimnisse werden in jeder Form geschwärzt.

Exit-Status von diagnose: 0 jede Prüfung ist ok; %1 eine Prüfung hat ein Problem gefunden; %2 kein Problem, aber Warnungen oder unklare Prüfungen. Die Codes für Aufruf-, Transport- und Hub-Fehler bleiben bestehen.

Beispiele:
  nhcli diagnose --handle fcm-token-frank-twice-xR7:APA91bQ2x --format fcmv1 --tags &apos;sports || politics&apos;
  nhcli diagnose --installation 5d2c7a8e-9b14-4f3e-8a61-2c9d0e7f4b35 --json
  nhcli diagnose --registration 123-456-1 --exchange 0b6b8a5e-… --markdown</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+250"/>
        <source>Diagnosis cancelled.</source>
        <translation>Diagnose abgebrochen.</translation>
    </message>
    <message>
        <location line="-229"/>
        <source>Name the device: --handle, --registration, --installation or --user.</source>
        <translation>Geben Sie das Gerät an: --handle, --registration, --installation oder --user.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name the device once: give only one of --handle, --registration, --installation and --user.</source>
        <translation>Geben Sie das Gerät nur einmal an: nur eine der Optionen --handle, --registration, --installation und --user.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The device&apos;s handle or id is empty.</source>
        <translation>Handle oder ID des Geräts ist leer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--platform goes with --handle.</source>
        <translation>--platform gehört zu --handle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown --platform &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekannte --platform „%1“; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Give the send either as --exchange or as --format/--tags/--template/--header, not both.</source>
        <translation>Geben Sie die Sendung entweder mit --exchange oder mit --format/--tags/--template/--header an, nicht beides.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--exchange reads the history; it cannot go with --no-history.</source>
        <translation>--exchange liest den Verlauf; es kann nicht mit --no-history kombiniert werden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give either --history or --no-history, not both.</source>
        <translation>Geben Sie entweder --history oder --no-history an, nicht beides.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown --format &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekanntes --format „%1“; verwenden Sie eines von: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--template properties belong to a template send, not --format %1.</source>
        <translation>--template-Eigenschaften gehören zu einer Vorlagen-Sendung, nicht zu --format %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--template expects NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--template erwartet NAME=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--header expects NAME:VALUE, not &apos;%1&apos;.</source>
        <translation>--header erwartet NAME:VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give either --json or --markdown, not both.</source>
        <translation>Geben Sie entweder --json oder --markdown an, nicht beides.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>diagnose takes no arguments (&apos;%1&apos;); name the device with --handle, --registration, --installation or --user.</source>
        <translation>diagnose erwartet keine Argumente („%1“); geben Sie das Gerät mit --handle, --registration, --installation oder --user an.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give either --profile or --connection-string, not both.</source>
        <translation>Geben Sie entweder --profile oder --connection-string an, nicht beides.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The history is not read: %1</source>
        <translation>Der Verlauf wird nicht gelesen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no history at %1 yet.</source>
        <translation>Unter %1 gibt es noch keinen Verlauf.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&apos;%1&apos; is not an exchange id (as history list shows them).</source>
        <translation>„%1“ ist keine Austausch-ID (wie history list sie anzeigt).</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>[%1/%2] %3</source>
        <translation>[%1/%2] %3</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>No test send was made: %1</source>
        <translation>Es wurde keine Testsendung ausgeführt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--send-direct makes a real send to the device.</source>
        <translation>--send-direct führt eine echte Sendung an das Gerät aus.</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>Next step: %1</source>
        <translation>Nächster Schritt: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Evidence: %1</source>
        <translation>Belege: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n request(s) made.</source>
        <translation>
            <numerusform>%n Anfrage gestellt.</numerusform>
            <numerusform>%n Anfragen gestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nh::Diagnosis</name>
    <message>
        <location filename="../../core/diagnosis/diagnosis.cpp" line="+34"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot tell</source>
        <translation>Unklar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Registered at all</source>
        <translation>Überhaupt registriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duplicate registrations</source>
        <translation>Doppelte Registrierungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Platform and format</source>
        <translation>Plattform und Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub configuration</source>
        <translation>Hub-Konfiguration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test send to this device</source>
        <translation>Testsendung an dieses Gerät</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Handle %1</source>
        <translation>Handle %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installation %1</source>
        <translation>Installation %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User %1</source>
        <translation>Benutzer %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The exchange is a %1 request, not a send: there is no push to diagnose.</source>
        <translation>Der Austausch ist eine %1-Anfrage, keine Sendung: Es gibt keinen Push zu diagnostizieren.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The send has no ServiceBusNotification-Format header (it was refused before it was sent), so its format is unknown.</source>
        <translation>Die Sendung hat keinen ServiceBusNotification-Format-Header (sie wurde vor dem Senden abgelehnt), daher ist ihr Format unbekannt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The send&apos;s format “%1” is not one the hub knows.</source>
        <translation>Das Format „%1“ der Sendung ist dem Hub nicht bekannt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The template properties of the send cannot be read: %1</source>
        <translation>Die Vorlageneigenschaften der Sendung können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Most likely cause: %1</source>
        <translation>Wahrscheinlichste Ursache: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Fix: %2</source>
        <translation>%1 Korrektur: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Diagnosing…</source>
        <translation>Diagnose läuft…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No problem found, but some checks could not tell; see below.</source>
        <translation>Kein Problem gefunden, aber einige Prüfungen blieben unklar; siehe unten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every check passed.</source>
        <translation>Alle Prüfungen bestanden.</translation>
    </message>
</context>
<context>
    <name>Nh::DiagnosisChecks</name>
    <message>
        <location filename="../../core/diagnosis/checks/checkcommon.cpp" line="+61"/>
        <source>no tags</source>
        <translation>keine Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2 registration %3 (tags: %4)</source>
        <translation>Registrierung %3, %1 %2 (Tags: %4)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>native</source>
        <translation>nativ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>template “%1”</source>
        <translation>Vorlage „%1“</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No registration of the device was found to check.</source>
        <translation>Es wurde keine Registrierung des Geräts gefunden, die geprüft werden könnte.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>the registration does not have `%1`</source>
        <translation>die Registrierung hat `%1` nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the registration has `%1`</source>
        <translation>die Registrierung hat `%1`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the registration matches `%1`</source>
        <translation>die Registrierung entspricht `%1`</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>the registration has none of %1</source>
        <translation>die Registrierung hat keines von %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none of its alternatives holds (%1)</source>
        <translation>keine seiner Alternativen trifft zu (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it does not hold</source>
        <translation>er trifft nicht zu</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>the expression matches nothing</source>
        <translation>der Ausdruck trifft auf nichts zu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>`%1`: %2</source>
        <translation>`%1`: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>`%1`: excluded by `%2`, %3</source>
        <translation>`%1`: ausgeschlossen durch `%2`, %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/diagnosis/checks/checkduplicates.cpp" line="+71"/>
        <source>The handle is in %n %1 registrations of the same kind: the device gets a push once per registration, or pushes that diverge when their tags differ.</source>
        <translation>
            <numerusform>Das Handle steht in %n Registrierung derselben Art (%1): Das Gerät erhält einen Push pro Registrierung oder voneinander abweichende Pushes, wenn sich ihre Tags unterscheiden.</numerusform>
            <numerusform>Das Handle steht in %n Registrierungen derselben Art (%1): Das Gerät erhält einen Push pro Registrierung oder voneinander abweichende Pushes, wenn sich ihre Tags unterscheiden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete all but one of them, and have the app update its registration (or use an installation) instead of creating a new one on each start.</source>
        <translation>Löschen Sie alle bis auf eine, und lassen Sie die App ihre Registrierung aktualisieren (oder eine Installation verwenden), statt bei jedem Start eine neue zu erstellen.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The device has native and template registrations that both match the send&apos;s tags: a back end that sends both a native and a template push delivers twice.</source>
        <translation>Das Gerät hat native und Vorlagenregistrierungen, die beide zu den Tags der Sendung passen: Ein Back-End, das sowohl einen nativen als auch einen Vorlagen-Push sendet, stellt doppelt zu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep one kind of registration per app, or tag them apart.</source>
        <translation>Verwenden Sie nur eine Art von Registrierung pro App, oder unterscheiden Sie sie durch Tags.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No handle is in more than one registration of the same kind.</source>
        <translation>Kein Handle steht in mehr als einer Registrierung derselben Art.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checkexpiry.cpp" line="+33"/>
        <source>%1 expired on %2.</source>
        <translation>%1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 expires on %2.</source>
        <translation>%1 läuft am %2 ab.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installation %1</source>
        <translation>Installation %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 The hub no longer delivers to it.</source>
        <translation>%1 Der Hub stellt nicht mehr an sie zu.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of the device&apos;s registrations or installations have expired; the hub no longer delivers to them.</source>
        <translation>
            <numerusform>%n Registrierung oder Installation des Geräts ist abgelaufen; der Hub stellt nicht mehr an sie zu.</numerusform>
            <numerusform>%n Registrierungen oder Installationen des Geräts sind abgelaufen; der Hub stellt nicht mehr an sie zu.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Have the app register again, and refresh its registration on every start: registrations expire after the hub&apos;s registration time-to-live.</source>
        <translation>Lassen Sie die App sich erneut registrieren und ihre Registrierung bei jedem Start erneuern: Registrierungen laufen nach der Registrierungs-TTL des Hubs ab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Have the app refresh its registration on every start.</source>
        <translation>Lassen Sie die App ihre Registrierung bei jedem Start erneuern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing has expired; the earliest expiry is %1.</source>
        <translation>Nichts ist abgelaufen; der früheste Ablauf ist am %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registration or installation of the device expires.</source>
        <translation>Keine Registrierung oder Installation des Geräts läuft ab.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checkhub.cpp" line="+54"/>
        <source>production</source>
        <translation>die Produktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sandbox</source>
        <translation>die Sandbox</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The hub&apos;s configuration could not be read: %1</source>
        <translation>Die Konfiguration des Hubs konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnose with a key that has Manage rights to include the hub&apos;s credentials and the key&apos;s rights.</source>
        <translation>Diagnostizieren Sie mit einem Schlüssel mit dem Recht Manage, um die Anmeldedaten des Hubs und die Rechte des Schlüssels einzubeziehen.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The hub has no %1 credential: sends to %2 devices fail with &quot;The notification has no target applications&quot;.</source>
        <translation>Der Hub hat keine Anmeldedaten (%1): Sendungen an Geräte der Plattform %2 schlagen mit „The notification has no target applications“ fehl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the %1 credential on the Hub page (or in the Azure portal).</source>
        <translation>Fügen Sie die Anmeldedaten für %1 auf der Hub-Seite (oder im Azure-Portal) hinzu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No credential of the hub serves %1 sends: the hub answers &quot;The notification has no target applications&quot;.</source>
        <translation>Für Sendungen im Format %1 hat der Hub keine passenden Anmeldedaten: Er antwortet mit „The notification has no target applications“.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the credential for the platform on the Hub page (or in the Azure portal).</source>
        <translation>Fügen Sie die Anmeldedaten für die Plattform auf der Hub-Seite (oder im Azure-Portal) hinzu.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>APNs environment mismatch: APNs refused the device token as invalid, and the hub sends to the APNs %1 endpoint, so the token is most likely from a %2 build.</source>
        <translation>APNs-Umgebung passt nicht: APNs hat das Geräte-Token als ungültig abgelehnt, und der Hub sendet an den APNs-Endpunkt für %1, daher stammt das Token höchstwahrscheinlich aus einem Build für %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep one hub per APNs environment: send to a hub whose APNs credential uses the %1 endpoint for %1 builds, or install a %2 build on the device.</source>
        <translation>Verwenden Sie einen Hub je APNs-Umgebung: Senden Sie an einen Hub, dessen APNs-Anmeldedaten für Builds für %1 den Endpunkt für %1 verwenden, oder installieren Sie einen Build für %2 auf dem Gerät.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The hub sends to the APNs %1 endpoint: only tokens of %1 builds work. Which environment a token comes from is stored nowhere; a test send tells.</source>
        <translation>Der Hub sendet an den APNs-Endpunkt für %1: Nur Tokens von Builds für %1 funktionieren. Aus welcher Umgebung ein Token stammt, wird nirgends gespeichert; eine Testsendung zeigt es.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Nothing in the hub&apos;s configuration stops this push.</source>
        <translation>Nichts in der Konfiguration des Hubs verhindert diesen Push.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub has a credential for %1; nothing in its configuration stops this push.</source>
        <translation>Der Hub hat Anmeldedaten für %1; nichts in seiner Konfiguration verhindert diesen Push.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checkplatform.cpp" line="+30"/>
        <source>Move the app to the FCM v1 SDK and register it as FCM v1 (the hub does not migrate GCM registrations), with an FCM v1 credential on the hub.</source>
        <translation>Stellen Sie die App auf das FCM-v1-SDK um und registrieren Sie sie als FCM v1 (der Hub migriert keine GCM-Registrierungen), mit FCM-v1-Anmeldedaten auf dem Hub.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The send is FCM v1, but the device is registered only for legacy GCM (retired by Google on 2024-06-20): an FCM v1 send never reaches a GCM registration.</source>
        <translation>Die Sendung ist FCM v1, aber das Gerät ist nur für das alte GCM registriert (von Google am 2024-06-20 abgeschaltet): Eine FCM-v1-Sendung erreicht nie eine GCM-Registrierung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A %1 send reaches none of the device&apos;s registrations: they are %2.</source>
        <translation>Eine Sendung im Format %1 erreicht keine Registrierung des Geräts; diese sind: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send natively in the device&apos;s format, or have the app register a template.</source>
        <translation>Senden Sie nativ im Format des Geräts, oder lassen Sie die App eine Vorlage registrieren.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send in the format of the device&apos;s platform (a template send reaches template registrations of every platform).</source>
        <translation>Senden Sie im Format der Plattform des Geräts (eine Vorlagen-Sendung erreicht Vorlagenregistrierungen aller Plattformen).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The send reaches only legacy GCM registrations; Google retired that API on 2024-06-20, so nothing is delivered.</source>
        <translation>Die Sendung erreicht nur alte GCM-Registrierungen; Google hat diese API am 2024-06-20 abgeschaltet, daher wird nichts zugestellt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Some of the device&apos;s registrations are legacy GCM, which Google retired on 2024-06-20.</source>
        <translation>Einige Registrierungen des Geräts sind alte GCM-Registrierungen; Google hat GCM am 2024-06-20 abgeschaltet.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>A %1 send reaches %n of the device&apos;s registrations by their kind.</source>
        <translation>
            <numerusform>Eine Sendung im Format %1 erreicht der Registrierungsart nach %n Registrierung des Geräts.</numerusform>
            <numerusform>Eine Sendung im Format %1 erreicht der Registrierungsart nach %n Registrierungen des Geräts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The device is registered for legacy GCM, which Google retired on 2024-06-20: nothing is delivered to it.</source>
        <translation>Das Gerät ist für das alte GCM registriert, das Google am 2024-06-20 abgeschaltet hat: Ihm wird nichts zugestellt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The device is registered as %1; no send format was given to compare with.</source>
        <translation>Das Gerät ist registriert als %1; es wurde kein Sendeformat zum Vergleich angegeben.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checkregistered.cpp" line="+20"/>
        <source>On %1 the hub reported the handle as no longer valid (expired) and removed its registration.</source>
        <translation>Am %1 hat der Hub das Handle als nicht mehr gültig (abgelaufen) gemeldet und seine Registrierung entfernt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On %1 the hub reported the handle as invalid and removed its registration.</source>
        <translation>Am %1 hat der Hub das Handle als ungültig gemeldet und seine Registrierung entfernt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No registration or installation carries this handle.</source>
        <translation>Keine Registrierung oder Installation trägt dieses Handle.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registration %1 does not exist.</source>
        <translation>Die Registrierung %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The installation %1 does not exist.</source>
        <translation>Die Installation %1 existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registration is tagged $UserId:{%1}.</source>
        <translation>Keine Registrierung hat das Tag $UserId:{%1}.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The device&apos;s registrations could not be read: %1</source>
        <translation>Die Registrierungen des Geräts konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the connection or the key&apos;s rights, then diagnose again.</source>
        <translation>Korrigieren Sie die Verbindung oder die Rechte des Schlüssels, und diagnostizieren Sie dann erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The installation exists, but the hub marked its push channel expired: the push service refused the handle, so it reaches nothing.</source>
        <translation>Die Installation existiert, aber der Hub hat ihren Push-Kanal als abgelaufen markiert: Der Push-Dienst hat das Handle abgelehnt, daher erreicht sie nichts.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Have the app register again with a fresh handle; saving the installation with the new handle clears the mark.</source>
        <translation>Lassen Sie die App sich mit einem neuen Handle erneut registrieren; das Speichern der Installation mit dem neuen Handle hebt die Markierung auf.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation exists, but the hub holds no registration made from it.</source>
        <translation>Die Installation existiert, aber der Hub hat keine daraus erstellte Registrierung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The handle is dead: have the app get a fresh token from its push service and register again.</source>
        <translation>Das Handle ist tot: Lassen Sie die App ein neues Token von ihrem Push-Dienst holen und sich erneut registrieren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Have the app register (it usually does on start-up) and check that it registers on this hub; then diagnose again.</source>
        <translation>Lassen Sie die App sich registrieren (meist tut sie das beim Start), und prüfen Sie, ob sie sich bei diesem Hub registriert; diagnostizieren Sie dann erneut.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The device has %n registration(s) on the hub.</source>
        <translation>
            <numerusform>Das Gerät hat %n Registrierung auf dem Hub.</numerusform>
            <numerusform>Das Gerät hat %n Registrierungen auf dem Hub.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Installation %1 (%2), last updated %3.</source>
        <translation>Installation %1 (%2), letzte Aktualisierung: %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>at an unknown time</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only the first pages of a listing were read; the device may have more registrations.</source>
        <translation>Es wurden nur die ersten Seiten einer Auflistung gelesen; das Gerät hat möglicherweise weitere Registrierungen.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checktags.cpp" line="+21"/>
        <source>No send was given, so there is no tag expression to evaluate.</source>
        <translation>Es wurde keine Sendung angegeben, daher gibt es keinen Tag-Ausdruck auszuwerten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the send&apos;s tag expression (or the exchange from the history) to check the tags.</source>
        <translation>Geben Sie den Tag-Ausdruck der Sendung (oder den Austausch aus dem Verlauf) an, um die Tags zu prüfen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The send&apos;s tag expression does not parse: %1</source>
        <translation>Der Tag-Ausdruck der Sendung kann nicht geparst werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the tag expression; the hub refuses the send with 400.</source>
        <translation>Korrigieren Sie den Tag-Ausdruck; der Hub lehnt die Sendung mit 400 ab.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The send is a broadcast: tags do not matter.</source>
        <translation>Die Sendung ist ein Broadcast: Tags spielen keine Rolle.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location filename="../../core/diagnosis/checks/checktemplate.cpp" line="+67"/>
        <location line="+16"/>
        <location line="+28"/>
        <source>Registration %1: %2</source>
        <translation>Registrierung %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The send&apos;s tags exclude the device: %1.</source>
        <translation>Die Tags der Sendung schließen das Gerät aus: %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The send&apos;s tags exclude all %n of the device&apos;s registrations; the first: %1.</source>
        <translation>
            <numerusform>Die Tags der Sendung schließen die %n Registrierung des Geräts aus: %1.</numerusform>
            <numerusform>Die Tags der Sendung schließen alle %n Registrierungen des Geräts aus; die erste: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give the device the tag the expression needs (update its registration or installation), or send to an expression that includes it.</source>
        <translation>Geben Sie dem Gerät das Tag, das der Ausdruck braucht (aktualisieren Sie seine Registrierung oder Installation), oder senden Sie an einen Ausdruck, der es einschließt.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>`%1` matches %n of the device&apos;s registrations.</source>
        <translation>
            <numerusform>`%1` trifft auf %n Registrierung des Geräts zu.</numerusform>
            <numerusform>`%1` trifft auf %n Registrierungen des Geräts zu.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registration %1 matches (tags: %2).</source>
        <translation>Registrierung %1 passt (Tags: %2).</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checktemplate.cpp" line="-67"/>
        <source>The device has no template registrations.</source>
        <translation>Das Gerät hat keine Vorlagenregistrierungen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The send is native (%1): the device&apos;s templates are not used.</source>
        <translation>Die Sendung ist nativ (%1): Die Vorlagen des Geräts werden nicht verwendet.</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+43"/>
        <source>The template of registration %1: %2</source>
        <translation>Die Vorlage von Registrierung %1: %2</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>The template of registration %1 cannot be rendered: %2</source>
        <translation>Aus der Vorlage von Registrierung %1 kann keine Payload erzeugt werden: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the template in the app and have it register again.</source>
        <translation>Korrigieren Sie die Vorlage in der App, und lassen Sie die App sich erneut registrieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Registration %1 renders to: %2</source>
        <translation>Für Registrierung %1 erzeugt: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template of registration %1 uses %2, which the send does not set: it renders as an empty string.</source>
        <translation>Die Vorlage von Registrierung %1 verwendet %2, das die Sendung nicht setzt: Es wird als leere Zeichenkette erzeugt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the property %1 to the send, or change the template to use the properties the back end sends.</source>
        <translation>Fügen Sie der Sendung die Eigenschaft %1 hinzu, oder ändern Sie die Vorlage so, dass sie die Eigenschaften verwendet, die das Back-End sendet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registration %1 renders to a payload its push service refuses: %2</source>
        <translation>Für Registrierung %1 wird eine Payload erzeugt, die ihr Push-Dienst ablehnt: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Correct the template (or the properties) so the rendered payload is valid.</source>
        <translation>Korrigieren Sie die Vorlage (oder die Eigenschaften), damit die erzeugte Payload gültig ist.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Every template of the device renders with the send&apos;s properties.</source>
        <translation>Aus jeder Vorlage des Geräts lässt sich mit den Eigenschaften der Sendung eine Payload erzeugen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device&apos;s templates are well-formed; no template send was given to render them with.</source>
        <translation>Die Vorlagen des Geräts sind wohlgeformt; es wurde keine Vorlagen-Sendung angegeben, mit der daraus Payloads erzeugt werden könnten.</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/checks/checktestsend.cpp" line="+24"/>
        <source>The test send to `%1` reached no registration.</source>
        <translation>Die Testsendung an `%1` hat keine Registrierung erreicht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The test send failed: %1</source>
        <translation>Die Testsendung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registration %1 (%2): %3</source>
        <translation>Registrierung %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The push service refused the test send: %1</source>
        <translation>Der Push-Dienst hat die Testsendung abgelehnt: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>The test send reached the device: the push service accepted it for %n registration(s).</source>
        <translation>
            <numerusform>Die Testsendung hat das Gerät erreicht: Der Push-Dienst hat sie für %n Registrierung angenommen.</numerusform>
            <numerusform>Die Testsendung hat das Gerät erreicht: Der Push-Dienst hat sie für %n Registrierungen angenommen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>The test send reached %n other registration(s), none of this device.</source>
        <translation>
            <numerusform>Die Testsendung hat %n andere Registrierung erreicht, keine dieses Geräts.</numerusform>
            <numerusform>Die Testsendung hat %n andere Registrierungen erreicht, keine dieses Geräts.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The direct send failed: %1</source>
        <translation>Die direkte Sendung ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The direct send was accepted (notification %1); its telemetry was not read.</source>
        <translation>Die direkte Sendung wurde angenommen (Benachrichtigung %1); ihre Telemetrie wurde nicht gelesen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The direct send was accepted (notification %1), but the hub refused its per-message telemetry (403): that needs the Standard tier, and a Free or Basic hub has none.</source>
        <translation>Die direkte Sendung wurde angenommen (Benachrichtigung %1), aber der Hub hat ihre Telemetrie verweigert (403): Diese erfordert den Standard-Tarif, ein Hub im Tarif Free oder Basic hat keine.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check on the device whether the push arrived, or use a Standard hub to see the push service&apos;s answer.</source>
        <translation>Prüfen Sie auf dem Gerät, ob der Push angekommen ist, oder verwenden Sie einen Hub im Standard-Tarif, um die Antwort des Push-Dienstes zu sehen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The direct send was accepted, but its telemetry could not be read: %1</source>
        <translation>Die direkte Sendung wurde angenommen, aber ihre Telemetrie konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 × %3</source>
        <translation>%1: %2 × %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The push service refused the direct send: %1.</source>
        <translation>Der Push-Dienst hat die direkte Sendung abgelehnt: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See the other checks for the likely cause; a refused handle needs the app to register again with a fresh one.</source>
        <translation>Die wahrscheinliche Ursache nennen die anderen Prüfungen; bei einem abgelehnten Handle muss sich die App mit einem neuen Handle erneut registrieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The push service accepted the direct send (notification %1).</source>
        <translation>Der Push-Dienst hat die direkte Sendung angenommen (Benachrichtigung %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The direct send&apos;s telemetry says %1 after %n look(s), without results from the push service yet.</source>
        <translation>
            <numerusform>Die Telemetrie der direkten Sendung meldet nach %n Abfrage %1, noch ohne Ergebnisse des Push-Dienstes.</numerusform>
            <numerusform>Die Telemetrie der direkten Sendung meldet nach %n Abfragen %1, noch ohne Ergebnisse des Push-Dienstes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Look at the telemetry again later (the History keeps the notification id).</source>
        <translation>Sehen Sie später erneut in die Telemetrie (der Verlauf bewahrt die Benachrichtigungs-ID auf).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Not run: a test send to `%1` reaches exactly this device; it pushes to the device, so it runs only when you ask.</source>
        <translation>Nicht ausgeführt: Eine Testsendung an `%1` erreicht genau dieses Gerät; sie pusht an das Gerät und läuft daher nur auf Anforderung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not run: %1</source>
        <translation>Nicht ausgeführt: %1</translation>
    </message>
</context>
<context>
    <name>Nh::DiagnosisEngine</name>
    <message>
        <location filename="../../core/diagnosis/diagnosisengine.cpp" line="+50"/>
        <source>the device has no registration to send to.</source>
        <translation>das Gerät hat keine Registrierung, an die gesendet werden könnte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no tag reaches exactly this device.</source>
        <translation>kein Tag erreicht genau dieses Gerät.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>the send&apos;s telemetry</source>
        <translation>die Telemetrie der Sendung</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>the diagnosis is still running.</source>
        <translation>die Diagnose läuft noch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no device has been diagnosed yet.</source>
        <translation>es wurde noch kein Gerät diagnostiziert.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>test send to %1</source>
        <translation>Testsendung an %1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>direct send</source>
        <translation>direkte Sendung</translation>
    </message>
    <message>
        <location filename="../../core/diagnosis/diagnosisgather.cpp" line="+184"/>
        <source>registrations of the handle (%1)</source>
        <translation>Registrierungen des Handles (%1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the installation</source>
        <translation>die Installation</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the registration</source>
        <translation>die Registrierung</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>registrations of the user</source>
        <translation>Registrierungen des Benutzers</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the hub&apos;s configuration</source>
        <translation>die Konfiguration des Hubs</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>the device&apos;s registrations share no tag that a test send could target, and a test send cannot name a registration id.</source>
        <translation>die Registrierungen des Geräts haben kein gemeinsames Tag, auf das eine Testsendung zielen könnte, und eine Testsendung kann keine Registrierungs-ID angeben.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>registrations tagged %1</source>
        <translation>Registrierungen mit dem Tag %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>whether another device carries the tag `%1` could not be checked: %2</source>
        <translation>ob ein anderes Gerät das Tag `%1` trägt, konnte nicht geprüft werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>other devices carry the tag `%1` too, and no tag only this device carries was found.</source>
        <translation>andere Geräte tragen das Tag `%1` ebenfalls, und es wurde kein Tag gefunden, das nur dieses Gerät trägt.</translation>
    </message>
</context>
<context>
    <name>Nh::DiagnosisExport</name>
    <message>
        <location filename="../../core/diagnosis/diagnosisexport.cpp" line="+248"/>
        <source>Diagnosis: %1 on hub %2</source>
        <translation>Diagnose: %1 auf Hub %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subject: %1 `%2`</source>
        <translation>Gegenstand: %1 `%2`</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile: %1</source>
        <translation>Profil: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Send: format %1, tags `%2`</source>
        <translation>Sendung: Format %1, Tags `%2`</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(any)</source>
        <translation>(beliebig)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(broadcast)</source>
        <translation>(Broadcast)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>properties %1</source>
        <translation>Eigenschaften %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send: none given</source>
        <translation>Sendung: keine angegeben</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Started %1, %n request(s)</source>
        <translation>
            <numerusform>Gestartet %1, %n Anfrage</numerusform>
            <numerusform>Gestartet %1, %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Next step:</source>
        <translation>Nächster Schritt:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rendered for registration %1:</source>
        <translation>Erzeugt für Registrierung %1:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registrations</source>
        <translation>Registrierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>template %1</source>
        <translation>Vorlage %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
</context>
<context>
    <name>Nh::DirectBatch</name>
    <message>
        <location filename="../../core/protocol/directbatch.cpp" line="+175"/>
        <source>The devices part is empty: it must hold a JSON array of device handles</source>
        <translation>Der devices-Teil ist leer: Er muss ein JSON-Array von Geräte-Handles enthalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The devices part must be a JSON array of device handles, starting with &apos;[&apos;</source>
        <translation>Der devices-Teil muss ein JSON-Array von Geräte-Handles sein, das mit &apos;[&apos; beginnt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The devices array has a trailing comma</source>
        <translation>Das devices-Array hat ein überzähliges Komma am Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The devices array may hold only strings (device handles in quotes)</source>
        <translation>Das devices-Array darf nur Zeichenketten enthalten (Geräte-Handles in Anführungszeichen)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Device handle %1 in the devices array is empty</source>
        <translation>Geräte-Handle %1 im devices-Array ist leer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The devices array holds more than %1 device handles, the most a direct batch takes</source>
        <translation>Das devices-Array enthält mehr als %1 Geräte-Handles, das Maximum für einen direkten Batch</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Expected &apos;,&apos; or &apos;]&apos; in the devices array</source>
        <translation>Im devices-Array wurde &apos;,&apos; oder &apos;]&apos; erwartet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected text after the devices array</source>
        <translation>Unerwarteter Text nach dem devices-Array</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The devices array lists no device handles</source>
        <translation>Das devices-Array enthält keine Geräte-Handles</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The devices array that starts at line %1 is not closed with &apos;]&apos;</source>
        <translation>Das devices-Array, das in Zeile %1 beginnt, wird nicht mit &apos;]&apos; geschlossen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A device handle contains a line break or control character</source>
        <translation>Ein Geräte-Handle enthält einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>A \u escape in the devices array needs four hexadecimal digits</source>
        <translation>Ein \u-Escape im devices-Array braucht vier Hexadezimalziffern</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown escape &apos;\%1&apos; in the devices array</source>
        <translation>Unbekannte Escape-Sequenz &apos;\%1&apos; im devices-Array</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device handle that starts at line %1, column %2 is not closed</source>
        <translation>Das Geräte-Handle, das in Zeile %1, Spalte %2 beginnt, ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>A direct batch needs a Content-Type of multipart/mixed with a boundary</source>
        <translation>Ein direkter Batch braucht den Content-Type multipart/mixed mit einer boundary</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Content-Type of a direct batch must be multipart/mixed, not &quot;%1&quot;</source>
        <translation>Der Content-Type eines direkten Batches muss multipart/mixed sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Content-Type has a quote at position %1 that is not closed</source>
        <translation>Der Content-Type hat an Position %1 ein Anführungszeichen, das nicht geschlossen wird</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Content-Type multipart/mixed has no boundary parameter</source>
        <translation>Der Content-Type multipart/mixed hat keinen boundary-Parameter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The boundary parameter of the Content-Type is empty</source>
        <translation>Der boundary-Parameter des Content-Type ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The boundary parameter is %1 characters long; at most %2 are accepted</source>
        <translation>Der boundary-Parameter ist %1 Zeichen lang; höchstens %2 werden akzeptiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The direct batch body is empty</source>
        <translation>Der Body des direkten Batches ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The direct batch body is %1 bytes, more than the %2 bytes accepted</source>
        <translation>Der Body des direkten Batches ist %1 Bytes groß, mehr als die akzeptierten %2 Bytes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The direct batch body has no line &quot;%1&quot; that starts a part</source>
        <translation>Der Body des direkten Batches hat keine Zeile „%1“, die einen Teil beginnt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The direct batch body ends after a delimiter without the closing &quot;%1--&quot;</source>
        <translation>Der Body des direkten Batches endet nach einem Trennzeichen ohne das abschließende „%1--“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected text after the part delimiter</source>
        <translation>Unerwarteter Text nach dem Trennzeichen des Teils</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The part that starts at line %1 ends inside its headers</source>
        <translation>Der Teil, der in Zeile %1 beginnt, endet innerhalb seiner Header</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A part header line has no &quot;name: value&quot; form</source>
        <translation>Eine Header-Zeile eines Teils hat nicht die Form „name: value“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The part that starts at line %1 is not followed by a delimiter; the body ends without &quot;%2--&quot;</source>
        <translation>Auf den Teil, der in Zeile %1 beginnt, folgt kein Trennzeichen; der Body endet ohne „%2--“</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A part without a name is ignored</source>
        <translation>Ein Teil ohne Namen wird ignoriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The part &quot;%1&quot; is ignored: a direct batch has only the parts notification and devices</source>
        <translation>Der Teil „%1“ wird ignoriert: Ein direkter Batch hat nur die Teile notification und devices</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The part &quot;%1&quot; appears twice</source>
        <translation>Der Teil „%1“ kommt zweimal vor</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not find a part of the multipart content supplied.</source>
        <translation>Ein Teil des übergebenen Multipart-Inhalts wurde nicht gefunden.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The notification part is empty</source>
        <translation>Der notification-Teil ist leer</translation>
    </message>
</context>
<context>
    <name>Nh::DraftCheck</name>
    <message>
        <location filename="../../core/protocol/draftcheck.cpp" line="+249"/>
        <source>Reads as &lt;tt&gt;%1&lt;/tt&gt; · %2 of %3 tags (%4)</source>
        <translation>Gelesen als &lt;tt&gt;%1&lt;/tt&gt; · %2 von %3 Tags (%4)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only ||</source>
        <translation>nur ||</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>with &amp;&amp; or !</source>
        <translation>mit &amp;&amp; oder !</translation>
    </message>
    <message numerus="yes">
        <location line="+143"/>
        <source>Valid %1 payload, %n byte(s).</source>
        <translation>
            <numerusform>Gültige %1-Payload, %n Byte.</numerusform>
            <numerusform>Gültige %1-Payload, %n Byte.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Enter the device handle to send to.</source>
        <translation>Geben Sie das Geräte-Handle ein, an das gesendet werden soll.</translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorHubConfig</name>
    <message>
        <location filename="../../core/emulator/emulatorhubconfig.cpp" line="+156"/>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>%1: line %2, column %3: %4</source>
        <translation>%1: Zeile %2, Spalte %3: %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>expected an object with a &quot;hubs&quot; array (one entry per hub)</source>
        <translation>erwartet wird ein Objekt mit einem Array &quot;hubs&quot; (ein Eintrag je Hub)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected an object</source>
        <translation>erwartet wird ein Objekt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the hub &apos;%1&apos; is configured twice</source>
        <translation>der Hub „%1“ ist zweimal konfiguriert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected an object naming the platforms</source>
        <translation>erwartet wird ein Objekt, das die Plattformen nennt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown platform; expected apns, wns, gcm, mpns, adm, baidu, fcmV1, browser or xiaomi</source>
        <translation>unbekannte Plattform; erwartet wird apns, wns, gcm, mpns, adm, baidu, fcmV1, browser oder xiaomi</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expected an object of properties or &quot;default&quot;</source>
        <translation>erwartet wird ein Objekt mit Eigenschaften oder &quot;default&quot;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>expected true or false</source>
        <translation>erwartet wird true oder false</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected a string</source>
        <translation>erwartet wird eine Zeichenkette</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected an array</source>
        <translation>erwartet wird ein Array</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a rule needs &quot;keyName&quot; and &quot;primaryKey&quot;</source>
        <translation>eine Regel braucht &quot;keyName&quot; und &quot;primaryKey&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot;: expected Listen, Send or Manage</source>
        <translation>&quot;%1&quot;: erwartet wird Listen, Send oder Manage</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>expected {&quot;count&quot;: N, &quot;seed&quot;: S} with whole numbers, N at most 100000000</source>
        <translation>erwartet {&quot;count&quot;: N, &quot;seed&quot;: S} mit ganzen Zahlen, N höchstens 100000000</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 needs the property %2.</source>
        <translation>%1 braucht die Eigenschaft %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot set both token and certificate for APNS.</source>
        <translation>Cannot set both token and certificate for APNS.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ApnsCredential needs either Token (token mode) or ApnsCertificate (certificate mode).</source>
        <translation>ApnsCredential braucht entweder Token (Token-Modus) oder ApnsCertificate (Zertifikatsmodus).</translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorLauncher</name>
    <message>
        <location filename="../../core/emulator/emulatorlauncher.cpp" line="+35"/>
        <source>Listen</source>
        <translation>Listen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage</source>
        <translation>Manage</translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorLogEntry</name>
    <message>
        <location filename="../../core/emulator/emulatorlog.cpp" line="+171"/>
        <source>(no response)</source>
        <translation>(keine Antwort)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 template%2 %3: %4</source>
        <translation>%1-Vorlage%2 %3: %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>refused: %1</source>
        <translation>abgelehnt: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expiry: %1</source>
        <translation>Ablauf: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>priority: %1</source>
        <translation>Priorität: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>payload (cut): %1</source>
        <translation>Payload (gekürzt): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>payload: %1</source>
        <translation>Payload: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not sent, rendered empty: %1</source>
        <translation>nicht gesendet, leer erzeugt: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: %1</source>
        <translation>leer: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorService</name>
    <message>
        <location filename="../../core/emulator/emulatorregistrations.cpp" line="+28"/>
        <source>An invalid tag(s) &apos;%1&apos; was supplied. Valid tag characters are alphanumeric, _, @, -, ., : and #.</source>
        <translation>Ungültige Tags „%1“ wurden angegeben. Gültige Tag-Zeichen sind alphanumerische Zeichen sowie _, @, -, ., : und #.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorservice.cpp" line="+446"/>
        <source>No service is hosted at the specified address &apos;%1&apos;.</source>
        <translation>Unter der angegebenen Adresse „%1“ wird kein Dienst bereitgestellt.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>The request body is %1 bytes; the maximum the service accepts is %2 bytes (64 KB).</source>
        <translation>Der Anfrage-Body ist %1 Bytes groß; der Dienst akzeptiert höchstens %2 Bytes (64 KB).</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>MissingToken: The request has no Authorization header; sign it with a SharedAccessSignature.</source>
        <translation>MissingToken: Die Anfrage hat keinen Authorization-Header; signieren Sie sie mit einer SharedAccessSignature.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MalformedToken: %1</source>
        <translation>MalformedToken: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>InvalidSignature: The token has an invalid signature (the namespace has no rule named &apos;%1&apos;).</source>
        <translation>InvalidSignature: Das Token hat eine ungültige Signatur (der Namespace hat keine Regel namens „%1“).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The messaging entity &apos;sb://%1/%2&apos; could not be found.</source>
        <translation>Die Messaging-Entität „sb://%1/%2“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The method %1 is not allowed on %2; allowed: POST.</source>
        <translation>Die Methode %1 ist für %2 nicht erlaubt; erlaubt: POST.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This emulator cannot be reset.</source>
        <translation>Dieser Emulator kann nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorhubs.cpp" line="+128"/>
        <source>No service is hosted at the specified address.</source>
        <translation>No service is hosted at the specified address.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>SubCode=40900. Conflict</source>
        <translation>SubCode=40900. Conflict</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The hub description is invalid at line %1, column %2 (%3): %4</source>
        <translation>Die Hub-Beschreibung ist ungültig in Zeile %1, Spalte %2 (%3): %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub description is invalid: %1</source>
        <translation>Die Hub-Beschreibung ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Manage claim is required for this operation.</source>
        <translation>Manage claim is required for this operation.</translation>
    </message>
    <message>
        <location line="+44"/>
        <location filename="../../core/emulator/emulatortraffic.cpp" line="+104"/>
        <source>The method %1 is not allowed on %2; allowed: GET.</source>
        <translation>Die Methode %1 ist für %2 nicht erlaubt; erlaubt: GET.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../../core/emulator/emulatorservice.cpp" line="-74"/>
        <source>The api-version query parameter is required (for example api-version=2020-06).</source>
        <translation>Der Abfrageparameter api-version ist erforderlich (zum Beispiel api-version=2020-06).</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorservice.cpp" line="+14"/>
        <source>%1 claim is required for this operation. The rule &apos;%2&apos; does not grant it.</source>
        <translation>Für diesen Vorgang ist die Berechtigung %1 erforderlich. Die Regel „%2“ gewährt sie nicht.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorhubs.cpp" line="+20"/>
        <location filename="../../core/emulator/emulatorservice.cpp" line="-97"/>
        <source>The method %1 is not allowed on %2; allowed: %3.</source>
        <translation>Die Methode %1 ist für %2 nicht zulässig; zulässig: %3.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorservice.cpp" line="-14"/>
        <source>No message branch at the URI &apos;%1&apos;.</source>
        <translation>Unter dem URI „%1“ gibt es keinen Nachrichtenzweig.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorsends.cpp" line="+76"/>
        <source>The notification has no target applications. The notification format is %1. Review the credentials specified in the notification hub description and the notification format.</source>
        <translation>The notification has no target applications. The notification format is %1. Review the credentials specified in the notification hub description and the notification format.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-Format&apos; is missing.</source>
        <translation>Der erforderliche HTTP-Header „ServiceBusNotification-Format“ fehlt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notification format &apos;%1&apos; in ServiceBusNotification-Format is not supported.</source>
        <translation>Das Benachrichtigungsformat „%1“ in ServiceBusNotification-Format wird nicht unterstützt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+81"/>
        <source>The mandatory HTTP header &apos;X-WNS-Type&apos; is missing.</source>
        <translation>Der erforderliche HTTP-Header „X-WNS-Type“ fehlt.</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>The HTTP header &apos;X-WNS-Type&apos; has the value &apos;%1&apos;; expected wns/toast, wns/tile, wns/badge or wns/raw.</source>
        <translation>Der HTTP-Header „X-WNS-Type“ hat den Wert „%1“; erwartet wird wns/toast, wns/tile, wns/badge oder wns/raw.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The template properties are invalid: %1</source>
        <translation>Die Vorlageneigenschaften sind ungültig: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+117"/>
        <source>The tag expression &apos;%1&apos; is invalid: %2</source>
        <translation>Der Tag-Ausdruck „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Test sends are limited to 10 per minute; retry after the time given in Retry-After.</source>
        <translation>Testsendungen sind auf 10 pro Minute begrenzt; versuchen Sie es nach der in Retry-After angegebenen Zeit erneut.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-DeviceHandle&apos; is missing for a direct send.</source>
        <translation>Der erforderliche HTTP-Header „ServiceBusNotification-DeviceHandle“ fehlt für eine direkte Sendung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A direct send needs a native ServiceBusNotification-Format, not &apos;%1&apos;.</source>
        <translation>Eine direkte Sendung braucht ein natives ServiceBusNotification-Format, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A direct browser send needs the P256DH and Auth headers.</source>
        <translation>Eine direkte Browser-Sendung braucht die Header P256DH und Auth.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A direct batch send needs a native ServiceBusNotification-Format, not &apos;%1&apos;.</source>
        <translation>Eine direkte Batch-Sendung braucht ein natives ServiceBusNotification-Format, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-Format&apos; is missing or invalid.</source>
        <translation>Der erforderliche HTTP-Header „ServiceBusNotification-Format“ fehlt oder ist ungültig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-ScheduleTime&apos; is missing.</source>
        <translation>Der erforderliche HTTP-Header „ServiceBusNotification-ScheduleTime“ fehlt.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The scheduled notification &apos;%1&apos; was not found.</source>
        <translation>Die geplante Benachrichtigung „%1“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatortelemetry.cpp" line="+16"/>
        <source>The notification &apos;%1&apos; was not found.</source>
        <translation>Die Benachrichtigung „%1“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorregistrations.cpp" line="+27"/>
        <source>A registration can have at most %1 tags; this one has %2.</source>
        <translation>Eine Registrierung kann höchstens %1 Tags haben; diese hat %2.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorinstallations.cpp" line="+23"/>
        <location filename="../../core/emulator/emulatorregistrations.cpp" line="+9"/>
        <source>Tags can not start with $.</source>
        <translation>Tags dürfen nicht mit $ beginnen.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorregistrations.cpp" line="+5"/>
        <source>Registration Tags serialized size is more than maximum supported value. Actual Size: &apos;%1&apos; and Max Allowed Size: &apos;8000&apos;</source>
        <translation>Die serialisierte Größe der Registrierungs-Tags überschreitet den maximal unterstützten Wert. Tatsächliche Größe: „%1“, maximal zulässige Größe: „8000“</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The WnsHeaders of a Windows template registration must contain X-WNS-Type.</source>
        <translation>Die WnsHeaders einer Windows-Vorlagenregistrierung müssen X-WNS-Type enthalten.</translation>
    </message>
    <message>
        <location line="+56"/>
        <location line="+25"/>
        <source>The registration is invalid: %1</source>
        <translation>Die Registrierung ist ungültig: %1</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The registration id &apos;%1&apos; cannot be used: ids have the form &lt;number&gt;-&lt;number&gt;-&lt;number&gt;, as returned by registrationIDs.</source>
        <translation>Die Registrierungs-ID „%1“ kann nicht verwendet werden: IDs haben die Form &lt;Zahl&gt;-&lt;Zahl&gt;-&lt;Zahl&gt;, wie von registrationIDs zurückgegeben.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The registration id in the body (&apos;%1&apos;) differs from the one in the URL (&apos;%2&apos;).</source>
        <translation>Die Registrierungs-ID im Body („%1“) weicht von der in der URL („%2“) ab.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+43"/>
        <source>The If-Match header &apos;%1&apos; is not an ETag.</source>
        <translation>Der If-Match-Header „%1“ ist kein ETag.</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>The registration &apos;%1&apos; does not exist, so If-Match cannot match.</source>
        <translation>Die Registrierung „%1“ existiert nicht, daher kann If-Match nicht zutreffen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+39"/>
        <source>The ETag in If-Match (%1) does not match the registration&apos;s current ETag (%2).</source>
        <translation>Das ETag in If-Match (%1) stimmt nicht mit dem aktuellen ETag der Registrierung (%2) überein.</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+9"/>
        <source>The registration &apos;%1&apos; was not found.</source>
        <translation>Die Registrierung „%1“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The $filter condition &quot;%1&quot; is not of the form Field eq &apos;value&apos;.</source>
        <translation>Die $filter-Bedingung „%1“ hat nicht die Form Field eq &apos;value&apos;.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The $filter field &apos;%1&apos; is not supported.</source>
        <translation>Das $filter-Feld „%1“ wird nicht unterstützt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>$top must be a positive number, not &apos;%1&apos;.</source>
        <translation>$top muss eine positive Zahl sein, nicht „%1“.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorinstallations.cpp" line="-9"/>
        <source>The installation is invalid: %1</source>
        <translation>Die Installation ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The installationId in the body (&apos;%1&apos;) differs from the one in the URL (&apos;%2&apos;).</source>
        <translation>Die installationId im Body („%1“) weicht von der in der URL („%2“) ab.</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+12"/>
        <source>Installation not found</source>
        <translation>Installation nicht gefunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The installation patch is invalid: %1</source>
        <translation>Der Installations-Patch ist ungültig: %1</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorservice.cpp" line="+195"/>
        <source>Unknown emulator control endpoint &apos;%1&apos;.</source>
        <translation>Unbekannter Steuerungsendpunkt des Emulators: „%1“.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatortemplates.cpp" line="+73"/>
        <source>Template &apos;%1&apos; is invalid: %2</source>
        <translation>Die Vorlage „%1“ ist ungültig: %2</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorcontrol.cpp" line="+36"/>
        <source>The method %1 is not allowed on %2; allowed: GET, DELETE.</source>
        <translation>Die Methode %1 ist für %2 nicht erlaubt; erlaubt: GET, DELETE.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Unknown parameter &apos;%1&apos;; the deliveries take %2.</source>
        <translation>Unbekannter Parameter „%1“; die Zustellungsabfrage kennt %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There is no hub &apos;%1&apos; (hubs: %2).</source>
        <translation>Es gibt keinen Hub „%1“ (Hubs: %2).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&apos;since&apos; takes a log sequence number (deliveries of later requests) or an ISO 8601 time such as 2026-01-31T12:00:00.000Z, not &apos;%1&apos;.</source>
        <translation>„since“ erwartet eine Log-Sequenznummer (Zustellungen späterer Anfragen) oder eine ISO-8601-Zeit wie 2026-01-31T12:00:00.000Z, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../core/emulator/emulatortraffic.cpp" line="+29"/>
        <source>&apos;limit&apos; takes a number from 1 to %1, not &apos;%2&apos;.</source>
        <translation>„limit“ erwartet eine Zahl von 1 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatortraffic.cpp" line="-6"/>
        <source>&apos;after&apos; takes a log sequence number (0 or more), not &apos;%1&apos;.</source>
        <translation>„after“ erwartet eine Log-Sequenznummer (0 oder größer), nicht „%1“.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;wait&apos; takes milliseconds from 0 to %1, not &apos;%2&apos;.</source>
        <translation>„wait“ erwartet Millisekunden von 0 bis %1, nicht „%2“.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 traffic requests are waiting already; try again later.</source>
        <translation>Es warten bereits %1 Anfragen nach Datenverkehr; versuchen Sie es später erneut.</translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorStore</name>
    <message>
        <location filename="../../core/emulator/emulatorstore.cpp" line="+53"/>
        <source>Could not open the emulator data file %1: %2</source>
        <translation>Die Emulator-Datendatei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The emulator data file %1 was written by a newer nhemulator (schema %2; this one reads up to %3)</source>
        <translation>Die Emulator-Datendatei %1 wurde von einem neueren nhemulator geschrieben (Schema %2; dieser liest bis %3)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not prepare the emulator data file %1: %2</source>
        <translation>Die Emulator-Datendatei %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>%1 stored hub descriptions could not be read; those hubs start from their configuration</source>
        <translation>%1 gespeicherte Hub-Beschreibungen konnten nicht gelesen werden; diese Hubs starten mit ihrer Konfiguration</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 stored registrations or installations could not be read and were skipped</source>
        <translation>%1 gespeicherte Registrierungen oder Installationen konnten nicht gelesen werden und wurden übersprungen</translation>
    </message>
</context>
<context>
    <name>Nh::Exchange</name>
    <message>
        <location filename="../../core/client/exchange.cpp" line="+49"/>
        <source>Pending</source>
        <translation>Ausstehend</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registration reached</source>
        <translation>Keine Registrierung erreicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub error</source>
        <translation>Hub-Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error</source>
        <translation>Netzwerkfehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreadable response</source>
        <translation>Unlesbare Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: invalid request</source>
        <translation>Nicht gesendet: ungültige Anfrage</translation>
    </message>
</context>
<context>
    <name>Nh::ExchangeDiff</name>
    <message>
        <location filename="../../core/store/exchangediff.cpp" line="+245"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP status</source>
        <translation>HTTP-Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason phrase</source>
        <translation>Reason Phrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrations reached</source>
        <translation>Erreichte Registrierungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registrations failed</source>
        <translation>Fehlgeschlagene Registrierungen</translation>
    </message>
</context>
<context>
    <name>Nh::ExchangeExport</name>
    <message>
        <location filename="../../core/store/exchangeexport.cpp" line="+37"/>
        <source>The exchange of %1 (%2) was never sent, so it has no request to export</source>
        <translation>Der Austausch von %1 (%2) wurde nie gesendet und hat daher keine Anfrage, die exportiert werden kann</translation>
    </message>
    <message numerus="yes">
        <location line="+179"/>
        <source>%n exchange(s) exported from the nhconsole history with signed SAS tokens (never the key). Keep this file private until they expire.</source>
        <translation>
            <numerusform>%n Austausch aus dem nhconsole-Verlauf exportiert, mit signierten SAS-Tokens (nie dem Schlüssel). Halten Sie diese Datei bis zu deren Ablauf privat.</numerusform>
            <numerusform>%n Austausche aus dem nhconsole-Verlauf exportiert, mit signierten SAS-Tokens (nie dem Schlüssel). Halten Sie diese Datei bis zu deren Ablauf privat.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n exchange(s) exported from the nhconsole history. They hold no secret.</source>
        <translation>
            <numerusform>%n Austausch aus dem nhconsole-Verlauf exportiert. Er enthält kein Geheimnis.</numerusform>
            <numerusform>%n Austausche aus dem nhconsole-Verlauf exportiert. Sie enthalten kein Geheimnis.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>set %1 to a SharedAccessSignature token for the hub</source>
        <translation>%1 auf ein SharedAccessSignature-Token für den Hub setzen</translation>
    </message>
</context>
<context>
    <name>Nh::ExplainTagsCommand</name>
    <message>
        <location filename="../../core/cli/explaintagscommand.cpp" line="+21"/>
        <source>Also tell whether a registration with these comma-separated tags would be reached.</source>
        <translation>Zusätzlich angeben, ob eine Registrierung mit diesen durch Kommas getrennten Tags erreicht würde.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Parse a tag expression: normalised form, tags, limits, matching.</source>
        <translation>Einen Tag-Ausdruck auswerten: normalisierte Form, Tags, Grenzen, Übereinstimmung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parses a ServiceBusNotification-Tags expression as the hub reads it (!, &amp;&amp;, ||, parentheses; ! binds tighter than &amp;&amp;, &amp;&amp; tighter than ||), prints it normalised with explicit parentheses, lists its tags and checks the service&apos;s limits (20 tags with only ||, else 6). No connection is needed. EXPR &apos;-&apos; reads standard input.

Example:
  nhcli explain-tags &apos;sports || news &amp;&amp; !lang:fr&apos; --registration-tags news,lang:en</source>
        <translation>Wertet einen ServiceBusNotification-Tags-Ausdruck so aus, wie der Hub ihn liest (!, &amp;&amp;, ||, Klammern; ! bindet stärker als &amp;&amp;, &amp;&amp; stärker als ||), gibt ihn normalisiert mit expliziten Klammern aus, listet seine Tags auf und prüft die Grenzen des Dienstes (20 Tags nur mit ||, sonst 6). Es wird keine Verbindung benötigt. EXPR &apos;-&apos; liest die Standardeingabe.

Beispiel:
  nhcli explain-tags &apos;sports || news &amp;&amp; !lang:fr&apos; --registration-tags news,lang:en</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>explain-tags takes one expression; quote it so that the shell keeps it whole: nhcli explain-tags &apos;a &amp;&amp; !b&apos;.</source>
        <translation>explain-tags nimmt einen einzigen Ausdruck an; setzen Sie ihn in Anführungszeichen, damit die Shell ihn zusammenhält: nhcli explain-tags &apos;a &amp;&amp; !b&apos;.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--registration-tags: %1</source>
        <translation>--registration-tags: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>invalid:</source>
        <translation>ungültig:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Expression</source>
        <translation>Ausdruck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalized</source>
        <translation>Normalisiert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 (%2 occurrences)</source>
        <translation>%1 (%2 Vorkommen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>Grenze</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 tags (only || is used)</source>
        <translation>%1 von %2 Tags (nur || wird verwendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 tags (&amp;&amp; or ! is used)</source>
        <translation>%1 von %2 Tags (&amp;&amp; oder ! wird verwendet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reached (tags %1)</source>
        <translation>erreicht (Tags %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reached (tags %1)</source>
        <translation>nicht erreicht (Tags %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning:</source>
        <translation>Warnung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refused by the hub:</source>
        <translation>vom Hub abgelehnt:</translation>
    </message>
</context>
<context>
    <name>Nh::Explainer</name>
    <message>
        <location filename="../../core/client/outcomeexplainer.cpp" line="+16"/>
        <source>The push service says this registration&apos;s handle is no longer valid: the app was uninstalled, or the device&apos;s token was renewed. The hub deletes such registrations.</source>
        <translation>Der Push-Dienst meldet, dass das Handle dieser Registrierung nicht mehr gültig ist: Die App wurde deinstalliert oder das Token des Geräts wurde erneuert. Der Hub löscht solche Registrierungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The push service refused this registration&apos;s handle as invalid. The hub deletes such registrations.</source>
        <translation>Der Push-Dienst hat das Handle dieser Registrierung als ungültig abgelehnt. Der Hub löscht solche Registrierungen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register again from the app with a fresh device token. A token from a development build only works with a sandbox APNs credential on the hub, and a release build&apos;s only with a production one.</source>
        <translation>Registrieren Sie sich aus der App erneut mit einem frischen Geräte-Token. Ein Token aus einem Entwicklungs-Build funktioniert nur mit APNs-Anmeldeinformationen für die Sandbox auf dem Hub, das eines Release-Builds nur mit Anmeldeinformationen für die Produktion.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Register again from the app with a fresh FCM registration token, and check that the token comes from the Firebase project whose credentials the hub holds.</source>
        <translation>Registrieren Sie sich aus der App erneut mit einem frischen FCM-Registrierungstoken, und prüfen Sie, ob das Token aus dem Firebase-Projekt stammt, dessen Anmeldeinformationen der Hub hat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register again from the app with a fresh handle (token or channel URI) issued for this app.</source>
        <translation>Registrieren Sie sich aus der App erneut mit einem frischen Handle (Token oder Kanal-URI), das für diese App ausgestellt wurde.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The push service refused the hub&apos;s own credentials for it (the token the hub obtained from the push service&apos;s token provider is wrong or invalid), so no registration of this platform can be reached.</source>
        <translation>Der Push-Dienst hat die eigenen Anmeldeinformationen des Hubs für ihn abgelehnt (das Token, das der Hub vom Token-Anbieter des Push-Dienstes erhalten hat, ist falsch oder ungültig), daher ist keine Registrierung dieser Plattform erreichbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fix the Apple (APNs) settings of the hub in the Azure portal: the key id, team id, bundle id and .p8 key (or the certificate), and the sandbox/production mode matching the app&apos;s build.</source>
        <translation>Korrigieren Sie die Apple-Einstellungen (APNs) des Hubs im Azure-Portal: Schlüssel-ID, Team-ID, Bundle-ID und .p8-Schlüssel (oder das Zertifikat) sowie den Sandbox-/Produktionsmodus passend zum Build der App.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix the Google (FCM v1) settings of the hub in the Azure portal: the project id, client email and private key of a service account of the app&apos;s Firebase project.</source>
        <translation>Korrigieren Sie die Google-Einstellungen (FCM v1) des Hubs im Azure-Portal: Projekt-ID, Client-E-Mail und privaten Schlüssel eines Dienstkontos des Firebase-Projekts der App.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Google stopped the legacy FCM API on 2024-06-20: configure FCM v1 credentials on the hub and register the devices again as fcmv1.</source>
        <translation>Google hat die alte FCM-API am 2024-06-20 abgeschaltet: Konfigurieren Sie FCM-v1-Anmeldeinformationen auf dem Hub und registrieren Sie die Geräte erneut als fcmv1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fix the Windows (WNS) settings of the hub in the Azure portal: the package SID and security key of the app.</source>
        <translation>Korrigieren Sie die Windows-Einstellungen (WNS) des Hubs im Azure-Portal: Paket-SID und Sicherheitsschlüssel der App.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix this platform&apos;s credentials on the hub in the Azure portal.</source>
        <translation>Korrigieren Sie die Anmeldeinformationen dieser Plattform auf dem Hub im Azure-Portal.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The push service refused the payload: it is not what this platform accepts, or it is too large.</source>
        <translation>Der Push-Dienst hat die Payload abgelehnt: Sie entspricht nicht dem, was diese Plattform akzeptiert, oder sie ist zu groß.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send a JSON object with an &quot;aps&quot; dictionary, at most 4 KB, and an apns-push-type that fits it (background pushes need apns-priority 5).</source>
        <translation>Senden Sie ein JSON-Objekt mit einem &quot;aps&quot;-Dictionary, höchstens 4 KB groß, und einen dazu passenden apns-push-type (Hintergrund-Pushes brauchen apns-priority 5).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrap the payload in {&quot;message&quot;:{…}} without a token, and give &quot;data&quot; string values only.</source>
        <translation>Verpacken Sie die Payload ohne Token in {&quot;message&quot;:{…}}, und verwenden Sie für &quot;data&quot; nur String-Werte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send XML whose root matches X-WNS-Type (toast, tile, badge), or raw bytes of at most 5 KB with wns/raw.</source>
        <translation>Senden Sie XML, dessen Wurzelelement zu X-WNS-Type passt (toast, tile, badge), oder Rohdaten von höchstens 5 KB mit wns/raw.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the payload against the platform&apos;s format and size limits; the composer&apos;s validation names what is wrong.</source>
        <translation>Prüfen Sie die Payload anhand der Format- und Größenvorgaben der Plattform; die Validierung des Editors nennt, was falsch ist.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The broadcast reached no registration: the hub has no %1registration.</source>
        <translation>Der Broadcast hat keine Registrierung erreicht: Der Hub hat keine %1Registrierung.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression reached no registration of this format: &quot;%1&quot; matched no %2registration.</source>
        <translation>Der Ausdruck hat keine Registrierung dieses Formats erreicht: „%1“ traf auf keine %2Registrierung.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the tags with the reach preview or list registrations by tag. A native format reaches only registrations of its own platform, and template sends reach only template registrations.</source>
        <translation>Prüfen Sie die Tags mit der Reichweitenvorschau oder listen Sie Registrierungen nach Tag auf. Ein natives Format erreicht nur Registrierungen seiner eigenen Plattform, und Vorlagen-Sendungen erreichen nur Vorlagenregistrierungen.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The push service throttled deliveries to these devices.</source>
        <translation>Der Push-Dienst hat die Zustellungen an diese Geräte gedrosselt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send less often to the same devices and try again later.</source>
        <translation>Senden Sie seltener an dieselben Geräte und versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub could not reach the push service, or it failed on its side.</source>
        <translation>Der Hub konnte den Push-Dienst nicht erreichen, oder dieser ist auf seiner Seite fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is usually transient: send again later.</source>
        <translation>Das ist meist vorübergehend: Senden Sie später erneut.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some registrations were skipped because they repeat a handle that was already sent to.</source>
        <translation>Einige Registrierungen wurden übersprungen, weil sie ein Handle wiederholen, an das bereits gesendet wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove duplicate registrations of the same device.</source>
        <translation>Entfernen Sie doppelte Registrierungen desselben Geräts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub dropped the notification for these registrations before handing it to the push service.</source>
        <translation>Der Hub hat die Benachrichtigung für diese Registrierungen verworfen, bevor er sie an den Push-Dienst übergeben hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send again; if it persists, open the PNS error details of the telemetry.</source>
        <translation>Senden Sie erneut; falls es weiterhin auftritt, öffnen Sie die PNS-Fehlerdetails der Telemetrie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub reported the delivery outcome &quot;%1&quot;, which nhconsole has no specific advice for.</source>
        <translation>Der Hub hat das Zustellungsergebnis „%1“ gemeldet, für das nhconsole keinen spezifischen Rat hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look the name up in the telemetry documentation.</source>
        <translation>Schlagen Sie den Namen in der Telemetrie-Dokumentation nach.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The hub has not finished processing this notification yet (state %1).</source>
        <translation>Der Hub hat die Verarbeitung dieser Benachrichtigung noch nicht abgeschlossen (Status %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the telemetry again in about 10 seconds; processing can take up to 30 minutes.</source>
        <translation>Lesen Sie die Telemetrie in etwa 10 Sekunden erneut; die Verarbeitung kann bis zu 30 Minuten dauern.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The notification waits for its scheduled time.</source>
        <translation>Die Benachrichtigung wartet auf ihren geplanten Zeitpunkt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the telemetry again after the schedule time.</source>
        <translation>Lesen Sie die Telemetrie nach dem geplanten Zeitpunkt erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scheduled notification was cancelled before it was sent.</source>
        <translation>Die geplante Benachrichtigung wurde abgebrochen, bevor sie gesendet wurde.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub abandoned the notification: it was not processed within 30 minutes.</source>
        <translation>Der Hub hat die Benachrichtigung aufgegeben: Sie wurde nicht innerhalb von 30 Minuten verarbeitet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send it again.</source>
        <translation>Senden Sie sie erneut.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The hub returned the notification&apos;s telemetry.</source>
        <translation>Der Hub hat die Telemetrie der Benachrichtigung zurückgegeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub reports the notification as %1.</source>
        <translation>Der Hub meldet die Benachrichtigung als %1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delivery from there to the device is up to the push service and the device.</source>
        <translation>Die Zustellung von dort an das Gerät liegt beim Push-Dienst und beim Gerät.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The push service refused the payload a registration&apos;s template rendered into with the properties sent.</source>
        <translation>Der Push-Dienst hat die Payload abgelehnt, die aus der Vorlage einer Registrierung mit den gesendeten Eigenschaften erzeugt wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select the registration to see what it received, then fix its template (nhcli templates lint names what is wrong) or send the properties it needs.</source>
        <translation>Wählen Sie die Registrierung aus, um zu sehen, was sie erhalten hat, und korrigieren Sie dann ihre Vorlage (nhcli templates lint nennt, was falsch ist), oder senden Sie die Eigenschaften, die sie braucht.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 registration(s) failed and %2 succeeded. </source>
        <translation>%1 Registrierung(en) fehlgeschlagen und %2 erfolgreich. </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The hub handed the notification to the push service. Delivery from there to the device is up to the push service and the device.</source>
        <translation>Der Hub hat die Benachrichtigung an den Push-Dienst übergeben. Die Zustellung von dort an das Gerät liegt beim Push-Dienst und beim Gerät.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If it does not show on the device, check that the app may show notifications, how it handles them in the foreground, and that the handle belongs to this app.</source>
        <translation>Wenn sie auf dem Gerät nicht erscheint, prüfen Sie, ob die App Benachrichtigungen anzeigen darf, wie sie diese im Vordergrund behandelt und ob das Handle zu dieser App gehört.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The hub reported a failure without an outcome text.</source>
        <translation>Der Hub hat einen Fehlschlag ohne Ergebnistext gemeldet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub reported &quot;%1&quot;, an outcome nhconsole has no specific advice for; it is shown exactly as the hub sent it.</source>
        <translation>Der Hub hat „%1“ gemeldet, ein Ergebnis, für das nhconsole keinen spezifischen Rat hat; es wird genau so angezeigt, wie der Hub es gesendet hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send again to see whether it repeats, and compare with the telemetry of a normal send.</source>
        <translation>Senden Sie erneut, um zu sehen, ob es sich wiederholt, und vergleichen Sie mit der Telemetrie einer normalen Sendung.</translation>
    </message>
    <message>
        <location filename="../../core/client/explainer.cpp" line="+119"/>
        <source>The request reached the hub without an Authorization header.</source>
        <translation>Die Anfrage hat den Hub ohne Authorization-Header erreicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the connection string has SharedAccessKeyName and SharedAccessKey; a proxy in between may also strip the header.</source>
        <translation>Prüfen Sie, ob die Verbindungszeichenfolge SharedAccessKeyName und SharedAccessKey enthält; auch ein Proxy dazwischen kann den Header entfernen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub could not read the SharedAccessSignature token.</source>
        <translation>Der Hub konnte das SharedAccessSignature-Token nicht lesen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token needs sr, sig, se and skn; let nhconsole sign it from the connection string.</source>
        <translation>Das Token benötigt sr, sig, se und skn; lassen Sie nhconsole es aus der Verbindungszeichenfolge signieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token&apos;s signature does not match: the key is not the current key of the rule named in skn, the namespace has no such rule, or the signed sr was encoded differently from the one sent.</source>
        <translation>Die Signatur des Tokens stimmt nicht: Der Schlüssel ist nicht der aktuelle Schlüssel der in skn genannten Regel, der Namespace hat keine solche Regel, oder das signierte sr wurde anders codiert als das gesendete.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the connection string again from the portal (Access Policies) and check that SharedAccessKey belongs to SharedAccessKeyName; keys change when they are regenerated.</source>
        <translation>Kopieren Sie die Verbindungszeichenfolge erneut aus dem Portal (Access Policies) und prüfen Sie, ob SharedAccessKey zu SharedAccessKeyName gehört; Schlüssel ändern sich, wenn sie neu generiert werden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The token&apos;s expiry (se) is in the past by the hub&apos;s clock: the token is too old, or this computer&apos;s clock is behind the hub&apos;s (clock skew).</source>
        <translation>Der Ablauf des Tokens (se) liegt nach der Uhr des Hubs in der Vergangenheit: Das Token ist zu alt, oder die Uhr dieses Computers geht gegenüber der des Hubs nach (Zeitabweichung).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the token&apos;s se with this computer&apos;s clock, set the clock right (automatic time), and sign a fresh token for each request.</source>
        <translation>Vergleichen Sie se des Tokens mit der Uhr dieses Computers, stellen Sie die Uhr richtig (automatische Zeit) und signieren Sie für jede Anfrage ein frisches Token.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The token was signed for a resource (sr) that does not cover this request: another namespace, host, port or hub.</source>
        <translation>Das Token wurde für eine Ressource (sr) signiert, die diese Anfrage nicht abdeckt: einen anderen Namespace, Host, Port oder Hub.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign the hub URL (https://&lt;namespace&gt;/&lt;hub&gt;) or the namespace root, with the host and hub name the request uses.</source>
        <translation>Signieren Sie die Hub-URL (https://&lt;namespace&gt;/&lt;hub&gt;) oder die Namespace-Wurzel, mit dem Host und Hub-Namen, den die Anfrage verwendet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SAS rule of the token does not grant the %1 claim this operation needs.</source>
        <translation>Die SAS-Regel des Tokens gewährt nicht die %1 Berechtigung, die dieser Vorgang benötigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required</source>
        <translation>erforderliche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a connection string whose rule grants %1: DefaultFullSharedAccessSignature grants Listen, Send and Manage, DefaultListenSharedAccessSignature only Listen.</source>
        <translation>Verwenden Sie eine Verbindungszeichenfolge, deren Regel %1 gewährt: DefaultFullSharedAccessSignature gewährt Listen, Send und Manage, DefaultListenSharedAccessSignature nur Listen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the right</source>
        <translation>die nötige Berechtigung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub refused the token.</source>
        <translation>Der Hub hat das Token abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the key and rule of the connection string and this computer&apos;s clock.</source>
        <translation>Prüfen Sie Schlüssel und Regel der Verbindungszeichenfolge sowie die Uhr dieses Computers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub refused the operation: the rule lacks the right it needs (newer hubs answer 403 where older ones said &quot;claim is required&quot;), or the hub&apos;s pricing tier lacks the feature (telemetry and scheduled sends need Standard).</source>
        <translation>Der Hub hat den Vorgang abgelehnt: Der Regel fehlt das benötigte Recht (neuere Hubs antworten mit 403, wo ältere „claim is required“ meldeten), oder dem Tarif des Hubs fehlt die Funktion (Telemetrie und geplante Sendungen erfordern Standard).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the rule&apos;s claims (Listen, Send, Manage) and the hub&apos;s tier in the portal.</source>
        <translation>Prüfen Sie die Berechtigungen der Regel (Listen, Send, Manage) und den Tarif des Hubs im Portal.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The namespace has no hub of that name.</source>
        <translation>Der Namespace hat keinen Hub mit diesem Namen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the hub name: it is the Notification Hub&apos;s name in the portal, not the namespace&apos;s, and it is not part of the connection string.</source>
        <translation>Prüfen Sie den Hub-Namen: Es ist der Name des Notification Hub im Portal, nicht der des Namespace, und er ist nicht Teil der Verbindungszeichenfolge.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration does not exist: it was deleted, expired, or the hub removed it after the push service rejected its handle.</source>
        <translation>Die Registrierung existiert nicht: Sie wurde gelöscht, ist abgelaufen, oder der Hub hat sie entfernt, nachdem der Push-Dienst ihr Handle abgelehnt hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the registrations to find the current id, or create the registration again.</source>
        <translation>Listen Sie die Registrierungen auf, um die aktuelle ID zu finden, oder erstellen Sie die Registrierung erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation does not exist. Installations are saved asynchronously, so a read right after a PUT can miss it.</source>
        <translation>Die Installation existiert nicht. Installationen werden asynchron gespeichert, daher kann ein Lesevorgang direkt nach einem PUT sie verfehlen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry in a few seconds; if it is still missing, check the installation id.</source>
        <translation>Versuchen Sie es in einigen Sekunden erneut; fehlt sie dann noch, prüfen Sie die Installations-ID.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub does not know this notification: telemetry exists only after the hub has processed a send, and only on the Standard tier; a scheduled send disappears once sent or cancelled.</source>
        <translation>Der Hub kennt diese Benachrichtigung nicht: Telemetrie gibt es erst, nachdem der Hub eine Sendung verarbeitet hat, und nur im Standard-Tarif; eine geplante Sendung verschwindet, sobald sie gesendet oder abgebrochen wurde.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the id from the Location of a send on this hub, and read telemetry again every 10 seconds or so, for up to 30 minutes.</source>
        <translation>Verwenden Sie die ID aus dem Location-Header einer Sendung an diesen Hub, und lesen Sie die Telemetrie etwa alle 10 Sekunden erneut, bis zu 30 Minuten lang.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub has nothing at this address: the hub, or the entity the request names, does not exist.</source>
        <translation>Der Hub hat unter dieser Adresse nichts: Der Hub oder die in der Anfrage genannte Entität existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the hub name and the id in the request.</source>
        <translation>Prüfen Sie den Hub-Namen und die ID in der Anfrage.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tag has characters the hub does not allow: tags are up to 120 characters of letters, digits and _ @ # . : -.</source>
        <translation>Ein Tag enthält Zeichen, die der Hub nicht zulässt: Tags bestehen aus bis zu 120 Zeichen aus Buchstaben, Ziffern und _ @ # . : -.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace spaces and other characters in the tag; write system tags as $InstallationId:{id} with braces.</source>
        <translation>Ersetzen Sie Leerzeichen und andere Zeichen im Tag; schreiben Sie System-Tags als $InstallationId:{id} mit geschweiften Klammern.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags can not start with $: that prefix is reserved for the hub&apos;s own $InstallationId:{…} and $UserId:{…} tags.</source>
        <translation>Tags dürfen nicht mit $ beginnen: Dieses Präfix ist für die eigenen Tags $InstallationId:{…} und $UserId:{…} des Hubs reserviert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the $ from the tag.</source>
        <translation>Entfernen Sie das $ aus dem Tag.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The registration&apos;s tags, joined with commas, are larger than the hub&apos;s 8000-byte cap.</source>
        <translation>Die durch Kommas verbundenen Tags der Registrierung überschreiten die Obergrenze des Hubs von 8000 Byte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use fewer or shorter tags (60 tags per registration are documented).</source>
        <translation>Verwenden Sie weniger oder kürzere Tags (dokumentiert sind 60 Tags pro Registrierung).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration has more tags than the hub allows (60 per registration).</source>
        <translation>Die Registrierung hat mehr Tags, als der Hub zulässt (60 pro Registrierung).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use fewer tags, e.g. one tag per user instead of one per interest.</source>
        <translation>Verwenden Sie weniger Tags, z. B. ein Tag pro Benutzer statt eines pro Interessengebiet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub could not read the tag expression.</source>
        <translation>Der Hub konnte den Tag-Ausdruck nicht lesen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use tags joined by ||, &amp;&amp; and !, with parentheses; at most 20 tags when only || is used, 6 otherwise.</source>
        <translation>Verwenden Sie Tags, verbunden mit ||, &amp;&amp; und !, mit Klammern; höchstens 20 Tags, wenn nur || verwendet wird, sonst 6.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A Windows (WNS) send needs the X-WNS-Type header, and it was missing.</source>
        <translation>Eine Windows-Sendung (WNS) benötigt den Header X-WNS-Type, und dieser fehlte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add X-WNS-Type: wns/toast, wns/tile, wns/badge or wns/raw, matching the payload.</source>
        <translation>Fügen Sie X-WNS-Type: wns/toast, wns/tile, wns/badge oder wns/raw passend zur Payload hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A header the hub requires for this request was missing.</source>
        <translation>Ein Header, den der Hub für diese Anfrage verlangt, fehlte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the header the hub names: ServiceBusNotification-Format for every send, -DeviceHandle for direct sends, -ScheduleTime for scheduled ones.</source>
        <translation>Fügen Sie den Header hinzu, den der Hub nennt: ServiceBusNotification-Format für jede Sendung, -DeviceHandle für direkte Sendungen, -ScheduleTime für geplante.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template properties are invalid: a template send carries a flat JSON object whose values are all strings.</source>
        <translation>Die Vorlageneigenschaften sind ungültig: Eine Vorlagen-Sendung enthält ein flaches JSON-Objekt, dessen Werte alle Strings sind.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote every value (&quot;5&quot;, not 5) and do not nest objects or arrays.</source>
        <translation>Setzen Sie jeden Wert in Anführungszeichen (&quot;5&quot;, nicht 5) und verschachteln Sie keine Objekte oder Arrays.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused the request as malformed.</source>
        <translation>Der Hub hat die Anfrage als fehlerhaft abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct what the hub&apos;s detail names and send again.</source>
        <translation>Korrigieren Sie, was in den Details des Hubs genannt wird, und senden Sie erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub does not allow this method at this address.</source>
        <translation>Der Hub erlaubt diese Methode unter dieser Adresse nicht.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the method the hub lists as allowed.</source>
        <translation>Verwenden Sie die Methode, die der Hub als erlaubt aufführt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused the registration operation as a conflict: registration changes are coming in too fast.</source>
        <translation>Der Hub hat den Registrierungsvorgang als Konflikt abgelehnt: Registrierungsänderungen treffen zu schnell ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait a moment and try again; avoid updating the same registration in parallel.</source>
        <translation>Warten Sie einen Moment und versuchen Sie es erneut; vermeiden Sie es, dieselbe Registrierung parallel zu aktualisieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub will not use this registration id (410 Gone).</source>
        <translation>Der Hub wird diese Registrierungs-ID nicht verwenden (410 Gone).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get a new id with Create registration ID, or let the hub assign one by creating the registration with POST.</source>
        <translation>Holen Sie sich mit „Registrierungs-ID erstellen“ eine neue ID, oder lassen Sie den Hub eine zuweisen, indem Sie die Registrierung mit POST erstellen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration changed since it was read: the ETag sent in If-Match no longer matches (or the registration is gone).</source>
        <translation>Die Registrierung hat sich seit dem Lesen geändert: Das in If-Match gesendete ETag stimmt nicht mehr überein (oder die Registrierung ist weg).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the registration, apply the change again and save with its current ETag, or use If-Match: * to overwrite it.</source>
        <translation>Laden Sie die Registrierung neu, wenden Sie die Änderung erneut an und speichern Sie mit ihrem aktuellen ETag, oder verwenden Sie If-Match: *, um sie zu überschreiben.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The request body is over the hub&apos;s 64 KB limit.</source>
        <translation>Der Inhalt der Anfrage überschreitet die Grenze des Hubs von 64 KB.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorten the payload; the platforms&apos; own limits are smaller still (APNs 4 KB, WNS raw 5 KB).</source>
        <translation>Kürzen Sie die Payload; die eigenen Grenzen der Plattformen sind noch kleiner (APNs 4 KB, WNS raw 5 KB).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub is throttling requests: too many in a short time for this hub&apos;s tier (test sends: at most 10 a minute).</source>
        <translation>Der Hub drosselt Anfragen: zu viele in kurzer Zeit für den Tarif dieses Hubs (Testsendungen: höchstens 10 pro Minute).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for the time the hub gives in Retry-After, then try again, and slow down.</source>
        <translation>Warten Sie die Zeit ab, die der Hub in Retry-After angibt, versuchen Sie es dann erneut und senden Sie langsamer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub failed on the service side (%1); this is usually transient.</source>
        <translation>Der Hub ist auf Dienstseite fehlgeschlagen (%1); das ist meist vorübergehend.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again in a moment; if it persists, give Azure support the TrackingId of the answer.</source>
        <translation>Versuchen Sie es gleich erneut; falls es weiterhin auftritt, geben Sie dem Azure-Support die TrackingId der Antwort.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub answered %1, which nhconsole has no specific advice for.</source>
        <translation>Der Hub hat mit %1 geantwortet, wofür nhconsole keinen spezifischen Rat hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the hub&apos;s detail and the response headers.</source>
        <translation>Lesen Sie die Details des Hubs und die Antwort-Header.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You cancelled the request before the hub answered; the hub may still have received it.</source>
        <translation>Sie haben die Anfrage abgebrochen, bevor der Hub geantwortet hat; der Hub hat sie möglicherweise trotzdem erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send it again when ready; after a cancelled send, check the telemetry or the registrations before repeating it.</source>
        <translation>Senden Sie sie erneut, wenn Sie bereit sind; prüfen Sie nach einer abgebrochenen Sendung die Telemetrie oder die Registrierungen, bevor Sie sie wiederholen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No data arrived within the transfer timeout: the hub, a proxy or the network stalled. The hub may still have received the request.</source>
        <translation>Innerhalb der Übertragungs-Zeitüberschreitung kamen keine Daten an: Der Hub, ein Proxy oder das Netzwerk ist hängen geblieben. Der Hub hat die Anfrage möglicherweise trotzdem erhalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; test sends wait for the push services and can be slow, so raise the timeout in the settings if this repeats.</source>
        <translation>Versuchen Sie es erneut; Testsendungen warten auf die Push-Dienste und können langsam sein, erhöhen Sie daher die Zeitüberschreitung in den Einstellungen, falls es sich wiederholt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host name could not be resolved (DNS), so nothing was sent.</source>
        <translation>Der Hostname konnte nicht aufgelöst werden (DNS), daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the Endpoint of the connection string (sb://&lt;namespace&gt;.servicebus.windows.net/) for typos, and the network and DNS of this computer.</source>
        <translation>Prüfen Sie den Endpoint der Verbindungszeichenfolge (sb://&lt;namespace&gt;.servicebus.windows.net/) auf Tippfehler sowie das Netzwerk und DNS dieses Computers.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing accepts connections on that host and port, so nothing was sent.</source>
        <translation>Auf diesem Host und Port nimmt nichts Verbindungen an, daher wurde nichts gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the port in the Endpoint; for the local emulator, start nhemulator on that port.</source>
        <translation>Prüfen Sie den Port im Endpoint; starten Sie für den lokalen Emulator nhemulator auf diesem Port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server closed the connection before answering (reset); the hub may or may not have received the request.</source>
        <translation>Der Server hat die Verbindung vor der Antwort geschlossen (Reset); der Hub hat die Anfrage möglicherweise erhalten oder auch nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; if it repeats, a proxy, firewall or TLS inspection is dropping the connection.</source>
        <translation>Versuchen Sie es erneut; falls es sich wiederholt, trennt ein Proxy, eine Firewall oder eine TLS-Inspektion die Verbindung.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The TLS handshake failed: the server&apos;s certificate is not trusted by this computer, is not for this host name, or is outside its validity dates.</source>
        <translation>Der TLS-Handshake ist fehlgeschlagen: Das Zertifikat des Servers wird von diesem Computer nicht als vertrauenswürdig eingestuft, gilt nicht für diesen Hostnamen oder liegt außerhalb seines Gültigkeitszeitraums.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the local emulator, add its certificate to the connection&apos;s trusted certificates; behind a TLS-inspecting proxy, add the proxy&apos;s CA; check this computer&apos;s clock. Never turn certificate checks off.</source>
        <translation>Fügen Sie für den lokalen Emulator dessen Zertifikat zu den vertrauenswürdigen Zertifikaten der Verbindung hinzu; fügen Sie hinter einem TLS-inspizierenden Proxy die CA des Proxys hinzu; prüfen Sie die Uhr dieses Computers. Schalten Sie Zertifikatsprüfungen niemals ab.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy between this computer and the hub failed or refused the request.</source>
        <translation>Der Proxy zwischen diesem Computer und dem Hub ist fehlgeschlagen oder hat die Anfrage abgelehnt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the proxy settings (HTTPS_PROXY) and credentials.</source>
        <translation>Prüfen Sie die Proxy-Einstellungen (HTTPS_PROXY) und die Anmeldeinformationen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network was unavailable.</source>
        <translation>Das Netzwerk war nicht verfügbar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect and try again.</source>
        <translation>Stellen Sie die Verbindung wieder her und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not answer in HTTP: something other than a hub listens there.</source>
        <translation>Der Server hat nicht in HTTP geantwortet: Dort lauscht etwas anderes als ein Hub.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the host and port of the Endpoint.</source>
        <translation>Prüfen Sie Host und Port des Endpoint.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request failed below HTTP, without an answer from the hub.</source>
        <translation>Die Anfrage ist unterhalb von HTTP fehlgeschlagen, ohne Antwort vom Hub.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network and try again.</source>
        <translation>Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nhconsole did not send this request: %1</source>
        <translation>nhconsole hat diese Anfrage nicht gesendet: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the marked part and send again.</source>
        <translation>Korrigieren Sie den markierten Teil und senden Sie erneut.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The hub answered %1, but its body could not be read: %2</source>
        <translation>Der Hub hat mit %1 geantwortet, aber sein Body konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body is an HTML page, which comes from a proxy or gateway in front of the hub rather than the hub: check the Endpoint and the proxy. The raw bytes are kept in the exchange.</source>
        <translation>Der Body ist eine HTML-Seite; sie stammt von einem Proxy oder Gateway vor dem Hub und nicht vom Hub selbst: Prüfen Sie den Endpoint und den Proxy. Die Rohdaten werden im Austausch aufbewahrt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body was empty. Send again; if it repeats, compare with the raw response in the exchange.</source>
        <translation>Der Body war leer. Senden Sie erneut; falls es sich wiederholt, vergleichen Sie mit der Rohantwort im Austausch.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at the raw bytes kept in the exchange at the place the error names; a proxy or a cut connection can mangle a response.</source>
        <translation>Sehen Sie sich die im Austausch aufbewahrten Rohdaten an der Stelle an, die der Fehler nennt; ein Proxy oder eine abgebrochene Verbindung kann eine Antwort verstümmeln.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The hub accepted the scheduled send; it goes out at its schedule time.</source>
        <translation>Der Hub hat die geplante Sendung angenommen; sie wird zu ihrem geplanten Zeitpunkt versendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub accepted the notification (%1) and queued it. A normal send does not say whether any registration was reached.</source>
        <translation>Der Hub hat die Benachrichtigung angenommen (%1) und in die Warteschlange gestellt. Eine normale Sendung gibt nicht an, ob eine Registrierung erreicht wurde.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub returned no Location, so there is no notification id: hubs on the Free and Basic tiers do not return one.</source>
        <translation>Der Hub hat keinen Location-Header zurückgegeben, daher gibt es keine Benachrichtigungs-ID: Hubs in den Tarifen Free und Basic geben keine zurück.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a test send to see per-registration outcomes.</source>
        <translation>Verwenden Sie eine Testsendung, um die Ergebnisse pro Registrierung zu sehen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a test send to see per-registration outcomes, or read the telemetry of notification %1 (Standard tier).</source>
        <translation>Verwenden Sie eine Testsendung, um die Ergebnisse pro Registrierung zu sehen, oder lesen Sie die Telemetrie der Benachrichtigung %1 (Standard-Tarif).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub answered %1: the request succeeded.</source>
        <translation>Der Hub hat mit %1 geantwortet: Die Anfrage war erfolgreich.</translation>
    </message>
    <message>
        <location filename="../../core/client/hubconfigexplainer.cpp" line="+62"/>
        <source>The namespace has no hub named &apos;%1&apos;: the service answers 200 with an empty list for a hub that does not exist.</source>
        <translation>Der Namespace hat keinen Hub namens „%1“: Für einen Hub, der nicht existiert, antwortet der Dienst mit 200 und einer leeren Liste.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the hub name of the profile against the namespace&apos;s hubs (nhcli hub list, or the portal).</source>
        <translation>Gleichen Sie den Hub-Namen des Profils mit den Hubs des Namespace ab (nhcli hub list oder das Portal).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The hub answered &quot;Manage claim is required for this operation&quot;. Reading a hub&apos;s configuration needs a key with the Manage right, but the service gives a wrong key the same answer here: either the key lacks Manage, or it is wrong (rotated or mistyped). nhconsole cannot tell which from this answer.</source>
        <translation>Der Hub hat mit „Manage claim is required for this operation“ geantwortet. Zum Lesen der Konfiguration eines Hubs ist ein Schlüssel mit dem Recht Manage nötig, aber der Dienst gibt einem falschen Schlüssel hier dieselbe Antwort: Entweder fehlt dem Schlüssel Manage, oder er ist falsch (neu generiert oder vertippt). nhconsole kann an dieser Antwort nicht erkennen, was zutrifft.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub answered &quot;Manage claim is required for this operation&quot;. Reading a hub&apos;s configuration needs a key with the Manage right, but the service gives a wrong key the same answer here: either the rule %1 lacks Manage, or its key is wrong (rotated or mistyped). nhconsole cannot tell which from this answer.</source>
        <translation>Der Hub hat mit „Manage claim is required for this operation“ geantwortet. Zum Lesen der Konfiguration eines Hubs ist ein Schlüssel mit dem Recht Manage nötig, aber der Dienst gibt einem falschen Schlüssel hier dieselbe Antwort: Entweder fehlt der Regel %1 Manage, oder ihr Schlüssel ist falsch (neu generiert oder vertippt). nhconsole kann an dieser Antwort nicht erkennen, was zutrifft.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The key&apos;s rule does not grant the Manage right, which reading and changing a hub&apos;s configuration need.</source>
        <translation>Die Regel des Schlüssels gewährt nicht das Recht Manage, das zum Lesen und Ändern der Konfiguration eines Hubs nötig ist.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a key with Manage, for example the hub&apos;s DefaultFullSharedAccessSignature or the namespace&apos;s RootManageSharedAccessKey, copied again from the portal&apos;s Access Policies (a Listen or Send key cannot read the hub&apos;s configuration).</source>
        <translation>Verwenden Sie einen Schlüssel mit Manage, zum Beispiel DefaultFullSharedAccessSignature des Hubs oder RootManageSharedAccessKey des Namespace, erneut aus den Access Policies des Portals kopiert (ein Listen- oder Send-Schlüssel kann die Konfiguration des Hubs nicht lesen).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A hub named &apos;%1&apos; already exists (SubCode 40900): a PUT without If-Match only creates.</source>
        <translation>Ein Hub namens „%1“ existiert bereits (SubCode 40900): Ein PUT ohne If-Match legt nur neu an.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Update the existing hub instead (its whole description, with If-Match: *), or choose another name.</source>
        <translation>Aktualisieren Sie stattdessen den vorhandenen Hub (seine gesamte Beschreibung, mit If-Match: *), oder wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The namespace has no hub named &apos;%1&apos; (&quot;No service is hosted at the specified address&quot;).</source>
        <translation>Der Namespace hat keinen Hub namens „%1“ („No service is hosted at the specified address“).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the hub name against the namespace&apos;s hubs (nhcli hub list).</source>
        <translation>Gleichen Sie den Hub-Namen mit den Hubs des Namespace ab (nhcli hub list).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The hub has no credential for this notification&apos;s platform, so there is no application to send to: the service answers 400 &quot;The notification has no target applications&quot;.</source>
        <translation>Der Hub hat keine Anmeldedaten für die Plattform dieser Benachrichtigung, daher gibt es keine Anwendung, an die gesendet werden kann: Der Dienst antwortet mit 400 „The notification has no target applications“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add the platform&apos;s credential to the hub (the Hub page shows which are configured), or send in a format the hub has a credential for.</source>
        <translation>Fügen Sie dem Hub die Anmeldedaten der Plattform hinzu (die Hub-Seite zeigt, welche konfiguriert sind), oder senden Sie in einem Format, für das der Hub Anmeldedaten hat.</translation>
    </message>
</context>
<context>
    <name>Nh::Fault</name>
    <message>
        <location filename="../../core/emulator/faults.cpp" line="+61"/>
        <source>Unknown or repeated fault &apos;%1&apos;; expected one of delay=MS, stall, reset, status=CODE[;retry-after=S], garbage, truncated, empty, html, oversized</source>
        <translation>Unbekannte oder wiederholte Störung „%1“; erwartet wird eines von delay=MS, stall, reset, status=CODE[;retry-after=S], garbage, truncated, empty, html, oversized</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fault &apos;%1&apos; has a bad value &apos;%2&apos;</source>
        <translation>Störung „%1“ hat einen ungültigen Wert „%2“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The fault &apos;%1&apos; names no kind</source>
        <translation>Die Störung „%1“ nennt keine Art</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A fault&apos;s count must be positive or -1</source>
        <translation>Die Anzahl einer Störung muss positiv oder -1 sein</translation>
    </message>
</context>
<context>
    <name>Nh::FcmLegacyPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/fcmlegacypayload.cpp" line="+39"/>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data only</source>
        <translation>Nur Daten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; must not be set: the hub adds the target itself (tags, registration or device handle)</source>
        <translation>&quot;%1&quot; darf nicht gesetzt sein: Der Hub fügt das Ziel selbst hinzu (Tags, Registrierung oder Geräte-Handle)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This looks like an FCM v1 body ({&quot;message&quot;:…}); send it with the fcmv1 format</source>
        <translation>Dies sieht nach einem FCM-v1-Body aus ({&quot;message&quot;:…}); senden Sie ihn mit dem Format fcmv1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Google retired the FCM legacy API (format gcm) on 2024-06-20; sends to gcm registrations are expected to fail. Use fcmv1</source>
        <translation>Google hat die FCM-Legacy-API (Format gcm) am 20. Juni 2024 eingestellt; Sendungen an gcm-Registrierungen schlagen voraussichtlich fehl. Verwenden Sie fcmv1</translation>
    </message>
</context>
<context>
    <name>Nh::FcmV1Payload</name>
    <message>
        <location filename="../../core/protocol/payloads/fcmv1payload.cpp" line="+43"/>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data only</source>
        <translation>Nur Daten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Android, high priority</source>
        <translation>Android, hohe Priorität</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The %1 has no &quot;message&quot; object: FCM v1 wraps the message as {&quot;message&quot;:{&quot;notification&quot;:{…}}}; this looks like a legacy (gcm) body</source>
        <translation>%1 enthält kein &quot;message&quot;-Objekt: FCM v1 verpackt die Nachricht als {&quot;message&quot;:{&quot;notification&quot;:{…}}}; dies sieht nach einem Legacy-Body (gcm) aus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 has no &quot;message&quot; object: FCM v1 needs {&quot;message&quot;:{…}} at the top level</source>
        <translation>%1 enthält kein &quot;message&quot;-Objekt: FCM v1 braucht {&quot;message&quot;:{…}} auf oberster Ebene</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FCM v1 does not know the top-level member &quot;%1&quot;; only &quot;message&quot; is sent on</source>
        <translation>FCM v1 kennt das Element &quot;%1&quot; auf oberster Ebene nicht; nur &quot;message&quot; wird weitergegeben</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;message&quot; must be an object, not %1</source>
        <translation>&quot;message&quot; muss ein Objekt sein, nicht %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must not be set: the hub adds the target itself (tags, registration or device handle)</source>
        <translation>&quot;%1&quot; darf nicht gesetzt sein: Der Hub fügt das Ziel selbst hinzu (Tags, Registrierung oder Geräte-Handle)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be an object of strings, not %2</source>
        <translation>&quot;%1&quot; muss ein Objekt aus Zeichenketten sein, nicht %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>FCM v1 wants &quot;android.ttl&quot; as a string of seconds such as &quot;3600s&quot; (legacy time_to_live was a number)</source>
        <translation>FCM v1 erwartet &quot;android.ttl&quot; als Zeichenkette mit Sekunden wie &quot;3600s&quot; (das Legacy-Feld time_to_live war eine Zahl)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;message&quot; has no notification, data, android, apns or webpush member: nothing will be delivered</source>
        <translation>&quot;message&quot; hat kein Element notification, data, android, apns oder webpush: Es wird nichts zugestellt</translation>
    </message>
</context>
<context>
    <name>Nh::HeaderModel</name>
    <message>
        <location filename="../../core/models/headermodel.cpp" line="+165"/>
        <source>The secret part is hidden; use Reveal to show it.</source>
        <translation>Der geheime Teil ist verborgen; verwenden Sie „Aufdecken“, um ihn anzuzeigen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>Nh::HistoryCommand</name>
    <message>
        <location filename="../../core/cli/historycommand.cpp" line="+106"/>
        <source>The history file (default: the desktop console&apos;s).</source>
        <translation>Die Verlaufsdatei (Standard: die der Desktop-Konsole).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only exchanges of this profile (name or id); for resend, also the profile to send with.</source>
        <translation>Nur Austausche dieses Profils (Name oder ID); bei resend auch das Profil, mit dem gesendet wird.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only exchanges from this time on: 30m, 2h, 7d ago, or ISO 8601.</source>
        <translation>Nur Austausche ab diesem Zeitpunkt: 30m, 2h, 7d zurück oder ISO 8601.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only exchanges before this time (same forms as --since).</source>
        <translation>Nur Austausche vor diesem Zeitpunkt (gleiche Formen wie bei --since).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this notification format (apple, fcmv1, template, …); for export, curl, json or har choose the output (default json).</source>
        <translation>Nur dieses Benachrichtigungsformat (apple, fcmv1, template, …); bei export wählen curl, json oder har die Ausgabe (Standard json).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only exchanges whose target has this tag.</source>
        <translation>Nur Austausche, deren Ziel dieses Tag hat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only these outcomes, comma-separated: %1.</source>
        <translation>Nur diese Ergebnisse, durch Kommas getrennt: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free text over URL, headers, bodies, error and label.</source>
        <translation>Freitextsuche in URL, Headern, Bodys, Fehler und Bezeichnung.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only pinned exchanges.</source>
        <translation>Nur angeheftete Austausche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most N exchanges, newest first (default %1; 0: all).</source>
        <translation>Höchstens N Austausche, neueste zuerst (Standard %1; 0: alle).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: write to FILE instead of standard output.</source>
        <translation>export: in FILE statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prune: keep the N newest exchanges.</source>
        <translation>prune: die N neuesten Austausche behalten.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>prune: delete exchanges older than DAYS days.</source>
        <translation>prune: Austausche löschen, die älter als DAYS Tage sind.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>List, show, re-send, export and prune the exchanges in the history.</source>
        <translation>Die Austausche im Verlauf auflisten, anzeigen, erneut senden, exportieren und bereinigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The history every exchange of the desktop console and of nhcli send is written to (redacted: it never holds a key or a signature).

  list                 the newest exchanges passing the filters
  show ID|last         one exchange: request, response, outcome
  resend ID|last       send it again (a new exchange) with --profile or the connection of the environment
  export [ID...]       the named exchanges, or those passing the filters, as --format json (default), curl or har
  prune                delete exchanges beyond --keep N or --older-than DAYS; pinned ones stay

Examples:
  nhcli history list --since 2h --status failure,error
  nhcli history show last --json
  nhcli history export --tag sports --format har --output sends.har
  nhcli history prune --older-than 30</source>
        <translation>Der Verlauf, in den jeder Austausch der Desktop-Konsole und von nhcli send geschrieben wird (geschwärzt: Er enthält nie einen Schlüssel oder eine Signatur).

  list                 die neuesten Austausche, die den Filtern entsprechen
  show ID|last         einen Austausch: Anfrage, Antwort, Ergebnis
  resend ID|last       ihn erneut senden (ein neuer Austausch), mit --profile oder der Verbindung aus der Umgebung
  export [ID...]       die genannten Austausche oder die, die den Filtern entsprechen, als --format json (Standard), curl oder har
  prune                Austausche jenseits von --keep N oder --older-than DAYS löschen; angeheftete bleiben erhalten

Beispiele:
  nhcli history list --since 2h --status failure,error
  nhcli history show last --json
  nhcli history export --tag sports --format har --output sends.har
  nhcli history prune --older-than 30</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>--%1 takes 30m, 2h, 7d (ago) or an ISO 8601 time such as 2026-01-31T12:00:00 (UTC), not &apos;%2&apos;.</source>
        <translation>--%1 erwartet 30m, 2h, 7d (zurück) oder eine ISO-8601-Zeit wie 2026-01-31T12:00:00 (UTC), nicht „%2“.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Unknown --format &apos;%1&apos;.</source>
        <translation>Unbekanntes --format „%1“.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unknown --status &apos;%1&apos;; use %2.</source>
        <translation>Unbekannter --status „%1“; verwenden Sie %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--limit takes a whole number, 0 for all, not &apos;%1&apos;.</source>
        <translation>--limit erwartet eine ganze Zahl, 0 für alle, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Name an action: history list|show|resend|export|prune. Run nhcli history --help for more.</source>
        <translation>Geben Sie eine Aktion an: history list|show|resend|export|prune. Mehr dazu zeigt nhcli history --help.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown action &apos;%1&apos;; use list, show, resend, export or prune.</source>
        <translation>Unbekannte Aktion „%1“; verwenden Sie list, show, resend, export oder prune.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>history %1 takes no arguments.</source>
        <translation>history %1 erwartet keine Argumente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>history %1 takes one exchange id, or last.</source>
        <translation>history %1 erwartet genau eine Austausch-ID oder last.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+273"/>
        <source>No history yet at %1.</source>
        <translation>Noch kein Verlauf unter %1.</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>There is no history at %1 yet.</source>
        <translation>Unter %1 gibt es noch keinen Verlauf.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No exchange in the history passes the filters.</source>
        <translation>Kein Austausch im Verlauf entspricht den Filtern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is not an exchange id (as history list shows them) or last.</source>
        <translation>„%1“ ist weder eine Austausch-ID (wie history list sie anzeigt) noch last.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>TIME (UTC)</source>
        <translation>ZEIT (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PROFILE</source>
        <translation>PROFIL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OPERATION</source>
        <translation>VORGANG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TARGET</source>
        <translation>ZIEL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(broadcast)</source>
        <translation>(Broadcast)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 of %2 exchanges shown; --limit N shows more.</source>
        <translation>%1 von %2 Austauschen angezeigt; --limit N zeigt mehr.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>&apos;%1&apos; is not an exchange id.</source>
        <translation>„%1“ ist keine Austausch-ID.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The file %1 cannot be written: %2.</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Exported %n exchange(s) to %1 (%2).</source>
        <translation>
            <numerusform>%n Austausch nach %1 exportiert (%2).</numerusform>
            <numerusform>%n Austausche nach %1 exportiert (%2).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>history prune needs --keep N or --older-than DAYS.</source>
        <translation>history prune benötigt --keep N oder --older-than DAYS.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 takes a whole number, not &apos;%2&apos;.</source>
        <translation>--%1 erwartet eine ganze Zahl, nicht „%2“.</translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>Deleted %n exchange(s) from the history.</source>
        <translation>
            <numerusform>%n Austausch aus dem Verlauf gelöscht.</numerusform>
            <numerusform>%n Austausche aus dem Verlauf gelöscht.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nh::HistoryModel</name>
    <message>
        <location filename="../../core/models/historymodel.cpp" line="+32"/>
        <source>No history is open</source>
        <translation>Es ist kein Verlauf geöffnet</translation>
    </message>
    <message>
        <location line="+173"/>
        <source>There is no row %1 in the history list</source>
        <translation>Es gibt keine Zeile %1 in der Verlaufsliste</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>All registrations</source>
        <translation>Alle Registrierungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direct batch</source>
        <translation>Direkter Stapel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 sent, %2 failed</source>
        <translation>%1 gesendet, %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>Nh::HistoryStore</name>
    <message>
        <location filename="../../core/store/history/historyconnection.cpp" line="+69"/>
        <source>Could not open the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../../core/store/history/historyreader.cpp" line="+203"/>
        <location line="+7"/>
        <location filename="../../core/store/history/historyschema.cpp" line="+98"/>
        <source>Could not read the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historyschema.cpp" line="+8"/>
        <location line="+67"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>Could not prepare the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht vorbereitet werden: %2</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historyreader.cpp" line="-172"/>
        <location filename="../../core/store/history/historyschema.cpp" line="-81"/>
        <source>The history file %1 was written by a newer nhconsole (schema %2; this one reads up to %3)</source>
        <translation>Die Verlaufsdatei %1 wurde von einem neueren nhconsole geschrieben (Schema %2; dieses liest bis %3)</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historyschema.cpp" line="+15"/>
        <source>%1 is a database, but not an nhconsole history file</source>
        <translation>%1 ist eine Datenbank, aber keine Verlaufsdatei von nhconsole</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Could not index the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht indiziert werden: %2</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historytypes.cpp" line="+110"/>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure</source>
        <translation>Fehlschlag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No targets</source>
        <translation>Keine Ziele</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../../core/client/resend.cpp" line="+55"/>
        <source>The exchange of %1 was never sent (%2), so there is no request to send again</source>
        <translation>Der Austausch von %1 wurde nie gesendet (%2), daher gibt es keine Anfrage, die erneut gesendet werden könnte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored URL %1 is not below the hub &quot;%2&quot;, so it cannot be sent again</source>
        <translation>Die gespeicherte URL %1 liegt nicht unterhalb des Hubs „%2“, daher kann sie nicht erneut gesendet werden</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>A secret in this exchange was redacted when it was stored; the request sent again carries &quot;[redacted]&quot; in its place</source>
        <translation>Ein Geheimnis in diesem Austausch wurde beim Speichern geschwärzt; die erneut gesendete Anfrage enthält an seiner Stelle &quot;[redacted]&quot;</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historyreader.cpp" line="-8"/>
        <source>There is no history file at %1</source>
        <translation>Unter %1 gibt es keine Verlaufsdatei</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not an nhconsole history file, or one not opened by nhconsole yet</source>
        <translation>%1 ist keine Verlaufsdatei von nhconsole oder wurde von nhconsole noch nicht geöffnet</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <location line="+17"/>
        <location line="+7"/>
        <source>Could not search the history file %1: %2</source>
        <translation>Die Verlaufsdatei %1 konnte nicht durchsucht werden: %2</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The exchange %1 is no longer in the history (deleted, or removed by the history limit)</source>
        <translation>Der Austausch %1 ist nicht mehr im Verlauf (gelöscht oder durch das Verlaufslimit entfernt)</translation>
    </message>
    <message>
        <location filename="../../core/store/history/historywritethread.cpp" line="+163"/>
        <location line="+28"/>
        <location line="+41"/>
        <location line="+12"/>
        <source>Could not write to the history file %1: %2</source>
        <translation>In die Verlaufsdatei %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../../core/store/historystore.cpp" line="+36"/>
        <source>No history file was given</source>
        <translation>Es wurde keine Verlaufsdatei angegeben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not create the folder %1 for the history file</source>
        <translation>Der Ordner %1 für die Verlaufsdatei konnte nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>Nh::HubChecks</name>
    <message>
        <location filename="../../core/protocol/apnschecks.cpp" line="+35"/>
        <source>The APNs credential has both a token and a certificate: the service refuses it (&quot;Cannot set both token and certificate for APNS.&quot;)</source>
        <translation>Die APNs-Anmeldedaten enthalten sowohl ein Token als auch ein Zertifikat: Der Dienst lehnt sie ab („Cannot set both token and certificate for APNS.“)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep one mode: remove either Token (with KeyId, AppId, AppName) or ApnsCertificate and CertificateKey</source>
        <translation>Behalten Sie einen Modus: Entfernen Sie entweder Token (mit KeyId, AppId, AppName) oder ApnsCertificate und CertificateKey</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The APNs credential has neither a token nor a certificate</source>
        <translation>Die APNs-Anmeldedaten enthalten weder ein Token noch ein Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter a .p8 token with its KeyId, Team ID and bundle id, or a .p12 certificate with its password</source>
        <translation>Geben Sie ein .p8-Token mit KeyId, Team-ID und Bundle-ID ein oder ein .p12-Zertifikat mit seinem Kennwort</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Apple (APNs) is configured in token mode for production</source>
        <translation>Apple (APNs) ist im Token-Modus für die Produktion konfiguriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apple (APNs) is configured in certificate mode for production</source>
        <translation>Apple (APNs) ist im Zertifikatmodus für die Produktion konfiguriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apple (APNs) is configured in token mode for the sandbox</source>
        <translation>Apple (APNs) ist im Token-Modus für die Sandbox konfiguriert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apple (APNs) is configured in certificate mode for the sandbox</source>
        <translation>Apple (APNs) ist im Zertifikatmodus für die Sandbox konfiguriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Apple (APNs) is configured in token mode for an unknown environment</source>
        <translation>Apple (APNs) ist im Token-Modus für eine unbekannte Umgebung konfiguriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Apple (APNs) is configured in certificate mode for an unknown environment</source>
        <translation>Apple (APNs) ist im Zertifikatmodus für eine unbekannte Umgebung konfiguriert</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>APNs sends go to the production environment (%1): device tokens of development builds answer &quot;handle invalid&quot;</source>
        <translation>APNs-Sendungen gehen an die Produktionsumgebung (%1): Geräte-Token von Entwicklungs-Builds ergeben „handle invalid“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>APNs sends go to the sandbox environment (%1): device tokens of App Store, TestFlight and ad hoc builds answer &quot;handle invalid&quot;</source>
        <translation>APNs-Sendungen gehen an die Sandbox-Umgebung (%1): Geräte-Token von App-Store-, TestFlight- und Ad-hoc-Builds ergeben „handle invalid“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 delivers to the sandbox, but the portal shows neither mode for it</source>
        <translation>%1 stellt an die Sandbox zu, aber das Portal zeigt dafür keinen der beiden Modi an</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prefer https://api.development.push.apple.com:443/3/device</source>
        <translation>Verwenden Sie besser https://api.development.push.apple.com:443/3/device</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The APNs credential has no Endpoint: its environment cannot be told</source>
        <translation>Die APNs-Anmeldedaten haben keinen Endpoint: Ihre Umgebung lässt sich nicht bestimmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Set Endpoint to https://api.push.apple.com:443/3/device (production) or https://api.development.push.apple.com:443/3/device (sandbox)</source>
        <translation>Setzen Sie Endpoint auf https://api.push.apple.com:443/3/device (Produktion) oder https://api.development.push.apple.com:443/3/device (Sandbox)</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>The APNs Endpoint %1 has no port and path: the service saves it but delivers nothing</source>
        <translation>Der APNs-Endpoint %1 hat keinen Port und Pfad: Der Dienst speichert ihn, stellt aber nichts zu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use https://api.development.push.apple.com:443/3/device for the sandbox</source>
        <translation>Verwenden Sie https://api.development.push.apple.com:443/3/device für die Sandbox</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The APNs Endpoint &quot;%1&quot; is neither a production nor a sandbox endpoint</source>
        <translation>Der APNs-Endpoint „%1“ ist weder ein Produktions- noch ein Sandbox-Endpunkt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>key id (10 characters, from the .p8 key&apos;s page)</source>
        <translation>Schlüssel-ID (10 Zeichen, von der Seite des .p8-Schlüssels)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Team ID (10 characters)</source>
        <translation>Team-ID (10 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bundle id (such as com.example.app)</source>
        <translation>Bundle-ID (zum Beispiel com.example.app)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Token mode needs %1, the %2; it is missing</source>
        <translation>Der Token-Modus braucht %1, die %2; sie fehlt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the %1</source>
        <translation>Geben Sie die %1 ein</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 &quot;%2&quot; does not look like a %3</source>
        <translation>%1 „%2“ sieht nicht wie eine %3 aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the %1 from the Apple developer account</source>
        <translation>Kopieren Sie die %1 aus dem Apple-Entwicklerkonto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The APNs Token still has the .p8 file&apos;s -----BEGIN/-----END lines</source>
        <translation>Das APNs-Token enthält noch die Zeilen -----BEGIN/-----END der .p8-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter only the base64 text between the header and footer lines</source>
        <translation>Geben Sie nur den Base64-Text zwischen Kopf- und Fußzeile ein</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The APNs Token is not the base64 body of a .p8 key</source>
        <translation>Das APNs-Token ist nicht der Base64-Inhalt eines .p8-Schlüssels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the .p8 file&apos;s content without its header and footer</source>
        <translation>Fügen Sie den Inhalt der .p8-Datei ohne Kopf- und Fußzeile ein</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enter the password the .p12 file was exported with</source>
        <translation>Geben Sie das Kennwort ein, mit dem die .p12-Datei exportiert wurde</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The APNs certificate cannot be read: %1</source>
        <translation>Das APNs-Zertifikat kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the push certificate with its private key as .p12 again</source>
        <translation>Exportieren Sie das Push-Zertifikat mit seinem privaten Schlüssel erneut als .p12</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>APNs certificate %1, valid until %2 (%n day(s) left)</source>
        <translation>
            <numerusform>APNs-Zertifikat %1, gültig bis %2 (noch %n Tag)</numerusform>
            <numerusform>APNs-Zertifikat %1, gültig bis %2 (noch %n Tage)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>APNs certificate %1, valid until %2</source>
        <translation>APNs-Zertifikat %1, gültig bis %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The .p12 file has the certificate but not its private key</source>
        <translation>Die .p12-Datei enthält das Zertifikat, aber nicht seinen privaten Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the certificate together with its private key</source>
        <translation>Exportieren Sie das Zertifikat zusammen mit seinem privaten Schlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The private key in the .p12 file is not the certificate&apos;s own</source>
        <translation>Der private Schlüssel in der .p12-Datei gehört nicht zum Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the certificate together with its own private key</source>
        <translation>Exportieren Sie das Zertifikat zusammen mit seinem eigenen privaten Schlüssel</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The APNs certificate expired on %1 (%n day(s) ago)</source>
        <translation>
            <numerusform>Das APNs-Zertifikat ist am %1 abgelaufen (vor %n Tag)</numerusform>
            <numerusform>Das APNs-Zertifikat ist am %1 abgelaufen (vor %n Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create a new push certificate in the Apple developer account and upload it</source>
        <translation>Erstellen Sie im Apple-Entwicklerkonto ein neues Push-Zertifikat und laden Sie es hoch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The APNs certificate is not valid before %1</source>
        <translation>Das APNs-Zertifikat ist erst ab %1 gültig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the computer&apos;s clock, or wait until the certificate is valid</source>
        <translation>Prüfen Sie die Uhr des Rechners, oder warten Sie, bis das Zertifikat gültig ist</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The APNs certificate expires on %1 (in %n day(s))</source>
        <translation>
            <numerusform>Das APNs-Zertifikat läuft am %1 ab (in %n Tag)</numerusform>
            <numerusform>Das APNs-Zertifikat läuft am %1 ab (in %n Tagen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew the push certificate before it expires, or move to token mode</source>
        <translation>Erneuern Sie das Push-Zertifikat, bevor es abläuft, oder wechseln Sie in den Token-Modus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate&apos;s subject (%1) is not an Apple push certificate&apos;s</source>
        <translation>Der Antragsteller des Zertifikats (%1) ist nicht der eines Apple-Push-Zertifikats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upload the &quot;Apple Push Notification service SSL&quot; certificate of the app</source>
        <translation>Laden Sie das Zertifikat „Apple Push Notification service SSL“ der App hoch</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The certificate (%1) is for %2 but the Endpoint is %3</source>
        <translation>Das Zertifikat (%1) ist für %2, aber der Endpoint ist %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the sandbox</source>
        <translation>die Sandbox</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>production</source>
        <translation>die Produktion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the endpoint of the certificate&apos;s environment, or a certificate for the endpoint&apos;s environment</source>
        <translation>Verwenden Sie den Endpunkt der Umgebung des Zertifikats oder ein Zertifikat für die Umgebung des Endpunkts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The .p12 file uses older encryption (RC2/3DES); nhconsole reads it with OpenSSL&apos;s legacy provider</source>
        <translation>Die .p12-Datei verwendet eine ältere Verschlüsselung (RC2/3DES); nhconsole liest sie mit dem Legacy-Provider von OpenSSL</translation>
    </message>
    <message>
        <location filename="../../core/protocol/hubchecks.cpp" line="+30"/>
        <source>The hub returned the %1 masked: its secrets cannot be checked</source>
        <translation>Der Hub hat %1 maskiert zurückgegeben: Die Geheimnisse darin können nicht geprüft werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the hub with a Manage key over the SAS API to check them</source>
        <translation>Lesen Sie den Hub mit einem Manage-Schlüssel über die SAS-API, um sie zu prüfen</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>The hub is disabled (Status is true): it accepts no sends</source>
        <translation>Der Hub ist deaktiviert (Status ist true): Er nimmt keine Sendungen an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enable the hub again (Status false) in its description</source>
        <translation>Aktivieren Sie den Hub in seiner Beschreibung wieder (Status false)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub has no push service credential: every send answers 400 &quot;The notification has no target applications&quot;</source>
        <translation>Der Hub hat keine Anmeldedaten für einen Push-Dienst: Jede Sendung wird mit 400 „The notification has no target applications“ beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the credential of each platform the apps use</source>
        <translation>Fügen Sie die Anmeldedaten jeder Plattform hinzu, die die Apps verwenden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not configured: sends in format %2 answer 400 &quot;The notification has no target applications&quot;</source>
        <translation>%1 ist nicht konfiguriert: Sendungen im Format %2 werden mit 400 „The notification has no target applications“ beantwortet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a %1 if the apps use %2</source>
        <translation>Fügen Sie ein %1 hinzu, wenn die Apps %2 verwenden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is configured</source>
        <translation>%1 ist konfiguriert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Microsoft retired MPNS (Windows Phone): sends to it reach no device</source>
        <translation>Microsoft hat MPNS (Windows Phone) eingestellt: Sendungen daran erreichen kein Gerät</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the MpnsCredential and the Mpns registrations</source>
        <translation>Entfernen Sie das MpnsCredential und die Mpns-Registrierungen</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The %1 has no %2: %3 sends cannot be delivered</source>
        <translation>In %1 fehlt %2: Sendungen an %3 können nicht zugestellt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the %1 of the %2 credential</source>
        <translation>Geben Sie %1 der Anmeldedaten für %2 ein</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Android is configured only with legacy GCM/FCM, which Google retired on 2024-06-20: nothing reaches Android devices</source>
        <translation>Android ist nur mit Legacy-GCM/FCM konfiguriert, das Google am 2024-06-20 eingestellt hat: Nichts erreicht Android-Geräte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an FcmV1Credential from the Firebase service account and migrate the registrations to FCM v1</source>
        <translation>Fügen Sie ein FcmV1Credential aus dem Firebase-Dienstkonto hinzu, und migrieren Sie die Registrierungen auf FCM v1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The legacy GCM credential is still there; Google retired that API on 2024-06-20</source>
        <translation>Die Legacy-GCM-Anmeldedaten sind noch vorhanden; Google hat diese API am 2024-06-20 eingestellt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the GcmCredential once no Gcm registrations are left</source>
        <translation>Entfernen Sie das GcmCredential, sobald keine Gcm-Registrierungen mehr übrig sind</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ProjectId &quot;%1&quot; does not look like a Firebase project id</source>
        <translation>ProjectId „%1“ sieht nicht wie eine Firebase-Projekt-ID aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy project_id from the Firebase service account JSON</source>
        <translation>Kopieren Sie project_id aus dem JSON des Firebase-Dienstkontos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ClientEmail &quot;%1&quot; is not an e-mail address</source>
        <translation>ClientEmail „%1“ ist keine E-Mail-Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+8"/>
        <source>Copy client_email from the Firebase service account JSON</source>
        <translation>Kopieren Sie client_email aus dem JSON des Firebase-Dienstkontos</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>ClientEmail %1 is not a Google service account (…@….iam.gserviceaccount.com)</source>
        <translation>ClientEmail %1 ist kein Google-Dienstkonto (…@….iam.gserviceaccount.com)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The service account %1 belongs to project %2, not to ProjectId %3</source>
        <translation>Das Dienstkonto %1 gehört zum Projekt %2, nicht zu ProjectId %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the service account JSON of the app&apos;s own Firebase project</source>
        <translation>Verwenden Sie das Dienstkonto-JSON des eigenen Firebase-Projekts der App</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PrivateKey is not a PEM private key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)</source>
        <translation>PrivateKey ist kein privater PEM-Schlüssel (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy private_key from the Firebase service account JSON whole</source>
        <translation>Kopieren Sie private_key vollständig aus dem JSON des Firebase-Dienstkontos</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PackageSid &quot;%1&quot; does not start with ms-app://</source>
        <translation>PackageSid „%1“ beginnt nicht mit ms-app://</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the Package SID from the app&apos;s Partner Center page</source>
        <translation>Kopieren Sie die Package SID von der Seite der App im Partner Center</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The VAPID Subject &quot;%1&quot; is neither a mailto: nor an https: URL</source>
        <translation>VAPID-Subject „%1“ ist weder eine mailto:- noch eine https:-URL</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use mailto:you@example.com or the site&apos;s https: URL</source>
        <translation>Verwenden Sie mailto:you@example.com oder die https:-URL der Website</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a base64url P-256 key of %2 bytes</source>
        <translation>%1 ist kein base64url-codierter P-256-Schlüssel mit %2 Bytes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate the VAPID key pair again and paste both keys</source>
        <translation>Erzeugen Sie das VAPID-Schlüsselpaar neu, und fügen Sie beide Schlüssel ein</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n %1 registration(s) but no %2: sends in format %3 answer 400 &quot;The notification has no target applications&quot;</source>
        <translation>
            <numerusform>%n Registrierung für %1, aber kein %2: Sendungen im Format %3 werden mit 400 „The notification has no target applications“ beantwortet</numerusform>
            <numerusform>%n Registrierungen für %1, aber kein %2: Sendungen im Format %3 werden mit 400 „The notification has no target applications“ beantwortet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add the %1 to the hub</source>
        <translation>Fügen Sie %1 zum Hub hinzu</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n legacy GCM registration(s): Google retired legacy FCM on 2024-06-20 and they are not migrated automatically</source>
        <translation>
            <numerusform>%n Legacy-GCM-Registrierung: Google hat Legacy-FCM am 2024-06-20 eingestellt, und sie wird nicht automatisch migriert</numerusform>
            <numerusform>%n Legacy-GCM-Registrierungen: Google hat Legacy-FCM am 2024-06-20 eingestellt, und sie werden nicht automatisch migriert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Migrate to FCM v1: have the apps register FcmV1 (and FcmV1Template) registrations, then delete the Gcm ones</source>
        <translation>Migrieren Sie auf FCM v1: Lassen Sie die Apps FcmV1-Registrierungen (und FcmV1Template-Registrierungen) anlegen, und löschen Sie dann die Gcm-Registrierungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rule %1 has %2: Manage should also include Send and Listen</source>
        <translation>Regel %1 hat %2: Manage sollte auch Send und Listen umfassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give rule %1 Listen, Send and Manage</source>
        <translation>Geben Sie Regel %1 die Rechte Listen, Send und Manage</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profile %1 uses the namespace&apos;s RootManageSharedAccessKey: full rights over every hub of the namespace</source>
        <translation>Profil %1 verwendet den RootManageSharedAccessKey des Namespace: volle Rechte über jeden Hub des Namespace</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ship a hub rule with Listen only in apps</source>
        <translation>Liefern Sie in Apps eine Hub-Regel nur mit Listen aus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Profile %1 uses rule %2, which this hub does not have: a namespace-level rule, or one that was deleted</source>
        <translation>Profil %1 verwendet Regel %2, die dieser Hub nicht hat: eine Regel auf Namespace-Ebene oder eine gelöschte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the rule name in the profile&apos;s connection string</source>
        <translation>Prüfen Sie den Regelnamen in der Verbindungszeichenfolge des Profils</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The hub returned no keys for rule %1: profile %2&apos;s key cannot be checked</source>
        <translation>Der Hub hat keine Schlüssel für Regel %1 zurückgegeben: Der Schlüssel von Profil %2 kann nicht geprüft werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>primary key</source>
        <translation>Primärschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>secondary key</source>
        <translation>Sekundärschlüssel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profile %1&apos;s key matches neither key of rule %2: it was rotated or is wrong, and requests answer 401</source>
        <translation>Der Schlüssel von Profil %1 passt zu keinem Schlüssel der Regel %2: Er wurde neu generiert oder ist falsch, und Anfragen werden mit 401 beantwortet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the current connection string of rule %1 into the profile</source>
        <translation>Kopieren Sie die aktuelle Verbindungszeichenfolge der Regel %1 in das Profil</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Profile %1 uses rule %2 (%3)</source>
        <translation>Profil %1 verwendet Regel %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile %1 uses rule %2 (%3) with its %4</source>
        <translation>Profil %1 verwendet Regel %2 (%3) mit ihrem %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profile %1 sends with rule %2, which can only %3: sends answer 401</source>
        <translation>Profil %1 sendet mit Regel %2, der Send fehlt (Rechte: %3): Sendungen werden mit 401 beantwortet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a rule with Send (DefaultFullSharedAccessSignature) for sending</source>
        <translation>Verwenden Sie zum Senden eine Regel mit Send (DefaultFullSharedAccessSignature)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profile %1 cannot read or change the hub&apos;s configuration: rule %2 has no Manage</source>
        <translation>Profil %1 kann die Konfiguration des Hubs weder lesen noch ändern: Regel %2 hat kein Manage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client profile %1 uses rule %2 (%3): anyone who takes the key out of the app can do the same</source>
        <translation>Client-Profil %1 verwendet Regel %2 (%3): Jeder, der den Schlüssel aus der App holt, kann dasselbe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ship a Listen-only rule (DefaultListenSharedAccessSignature) in apps</source>
        <translation>Liefern Sie in Apps eine Regel nur mit Listen (DefaultListenSharedAccessSignature) aus</translation>
    </message>
</context>
<context>
    <name>Nh::HubClient</name>
    <message>
        <location filename="../../core/client/hubclient.cpp" line="+368"/>
        <source>The response is larger than %1 MB, far more than any answer of the hub, so nhconsole stopped reading it</source>
        <translation>Die Antwort ist größer als %1 MB, weit mehr als jede Antwort des Hubs, daher hat nhconsole das Lesen abgebrochen</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The connection closed after %1 byte(s) of a body announced as %2 byte(s) (Content-Length): the answer is incomplete</source>
        <translation>Die Verbindung wurde nach %1 Byte eines mit %2 Byte angekündigten Bodys (Content-Length) geschlossen: Die Antwort ist unvollständig</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The body is an HTML page, not an answer of the hub</source>
        <translation>Der Body ist eine HTML-Seite, keine Antwort des Hubs</translation>
    </message>
    <message>
        <location filename="../../core/client/hubclient_hubs.cpp" line="+90"/>
        <source>The hub&apos;s configuration was not saved: %1 came back empty or masked and was not entered again. An update replaces the whole description, so saving it would overwrite the real value. Enter the value again (or remove that credential) and save.</source>
        <translation>Die Konfiguration des Hubs wurde nicht gespeichert: %1 kam leer oder maskiert zurück und wurde nicht erneut eingegeben. Eine Aktualisierung ersetzt die gesamte Beschreibung, daher würde das Speichern den echten Wert überschreiben. Geben Sie den Wert erneut ein (oder entfernen Sie diese Anmeldedaten) und speichern Sie.</translation>
    </message>
    <message>
        <location filename="../../core/client/hublistjob.cpp" line="+66"/>
        <source>The hub listing was cancelled.</source>
        <translation>Das Auflisten der Hubs wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Nh::HubCommand</name>
    <message>
        <location filename="../../core/cli/hubcommand.cpp" line="+31"/>
        <source>show, list: show keys, certificates and passwords unredacted.</source>
        <translation>show, list: Schlüssel, Zertifikate und Kennwörter ungeschwärzt anzeigen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a saved profile (name or id; see nhcli profiles).</source>
        <translation>Ein gespeichertes Profil verwenden (Name oder ID; siehe nhcli profiles).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set-credential: the credential&apos;s properties, as a JSON object or Name=value lines (&apos;-&apos; = standard input, the default).</source>
        <translation>set-credential: die Eigenschaften der Anmeldedaten, als JSON-Objekt oder Name=value-Zeilen (&apos;-&apos; = Standardeingabe, der Standardwert).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>set-credential apns: token mode from an APNs .p8 key file.</source>
        <translation>set-credential apns: Token-Modus aus einer .p8-Schlüsseldatei von APNs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set-credential apns --p8-file: the key&apos;s ID (10 characters).</source>
        <translation>set-credential apns --p8-file: die ID des Schlüssels (10 Zeichen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set-credential apns --p8-file: the Apple team ID.</source>
        <translation>set-credential apns --p8-file: die Team-ID bei Apple.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>set-credential apns --p8-file: the app&apos;s bundle ID.</source>
        <translation>set-credential apns --p8-file: die Bundle-ID der App.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set-credential apns: certificate mode from a .p12 file; its password from --password-file or standard input.</source>
        <translation>set-credential apns: Zertifikatsmodus aus einer .p12-Datei; ihr Kennwort aus --password-file oder der Standardeingabe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set-credential apns --p12-file: the file holding the .p12&apos;s password (&apos;-&apos; = standard input, the default).</source>
        <translation>set-credential apns --p12-file: die Datei mit dem Kennwort der .p12-Datei (&apos;-&apos; = Standardeingabe, der Standardwert).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>set-credential fcmv1: the Firebase service-account JSON file.</source>
        <translation>set-credential fcmv1: die JSON-Datei des Firebase-Dienstkontos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set-credential apns: the APNs Endpoint to store.</source>
        <translation>set-credential apns: der zu speichernde APNs-Endpoint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>set-credential apns: production or sandbox (sets the Endpoint).</source>
        <translation>set-credential apns: production oder sandbox (setzt den Endpoint).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Show, check or change the hub&apos;s PNS credentials and rules (needs Manage).</source>
        <translation>Die PNS-Anmeldedaten und Regeln des Hubs anzeigen, prüfen oder ändern (braucht Manage).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Works on the hub&apos;s own configuration (docs/protocol.md §14); every action needs a key with the Manage right.

  show [--reveal]          credentials per platform, rules with their rights, TTL
                           and daily figures; secrets redacted unless --reveal
  list [--reveal]          the namespace&apos;s hubs
  check                    what the configuration means for delivery
                           (docs/hub-checks.md); exit 3 when a finding is a problem
  set-credential PLATFORM  replace one platform&apos;s credential:
      --file F | standard input   a JSON object or Name=value lines
      apns --p8-file F --key-id K --team-id T --bundle-id B   token mode
      apns --p12-file F [--password-file F]                   certificate mode
      apns: --environment production|sandbox or --endpoint URL
      fcmv1 --service-account F   a Firebase service-account JSON file
  remove-credential PLATFORM

PLATFORM is one of %1. Secrets are read from files or standard input only, never from the command line. Changes read the whole description and write it back with If-Match: * (the service resets what an update leaves out).</source>
        <translation>Arbeitet mit der eigenen Konfiguration des Hubs (docs/protocol.md §14); jede Aktion braucht einen Schlüssel mit dem Recht Manage.

  show [--reveal]          Anmeldedaten je Plattform, Regeln mit ihren Rechten, TTL
                           und Tageszahlen; Geheimnisse ohne --reveal geschwärzt
  list [--reveal]          die Hubs des Namespace
  check                    was die Konfiguration für die Zustellung bedeutet
                           (docs/hub-checks.md); Exit-Status 3, wenn ein Befund ein Problem ist
  set-credential PLATFORM  die Anmeldedaten einer Plattform ersetzen:
      --file F | Standardeingabe  ein JSON-Objekt oder Name=value-Zeilen
      apns --p8-file F --key-id K --team-id T --bundle-id B   Token-Modus
      apns --p12-file F [--password-file F]                   Zertifikatsmodus
      apns: --environment production|sandbox oder --endpoint URL
      fcmv1 --service-account F   eine JSON-Datei eines Firebase-Dienstkontos
  remove-credential PLATFORM

PLATFORM ist eines von %1. Geheimnisse werden nur aus Dateien oder der Standardeingabe gelesen, nie von der Kommandozeile. Änderungen lesen die gesamte Beschreibung und schreiben sie mit If-Match: * zurück (der Dienst setzt zurück, was eine Aktualisierung auslässt).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>hub needs an action: show, list, check, set-credential or remove-credential.</source>
        <translation>hub braucht eine Aktion: show, list, check, set-credential oder remove-credential.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown action &apos;%1&apos;: use show, list, check, set-credential or remove-credential.</source>
        <translation>Unbekannte Aktion „%1“: Verwenden Sie show, list, check, set-credential oder remove-credential.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Too many arguments for hub %1. Secrets are never taken from the command line: give the credential&apos;s properties in a file (--file) or on standard input.</source>
        <translation>Zu viele Argumente für hub %1. Geheimnisse werden nie von der Kommandozeile übernommen: Geben Sie die Eigenschaften der Anmeldedaten in einer Datei (--file) oder auf der Standardeingabe an.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many arguments for hub %1: &apos;%2&apos;.</source>
        <translation>Zu viele Argumente für hub %1: „%2“.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hub %1 needs a PLATFORM: %2.</source>
        <translation>hub %1 braucht eine PLATFORM: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown platform &apos;%1&apos;: use %2.</source>
        <translation>Unbekannte Plattform „%1“: Verwenden Sie %2.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--%1 is for hub set-credential.</source>
        <translation>--%1 gehört zu hub set-credential.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--reveal is for hub show and hub list.</source>
        <translation>--reveal gehört zu hub show und hub list.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Give either --profile or --connection-string, not both.</source>
        <translation>Geben Sie entweder --profile oder --connection-string an, nicht beides.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Give the credential one way: --file, --p8-file, --p12-file or --service-account.</source>
        <translation>Geben Sie die Anmeldedaten auf nur einem Weg an: --file, --p8-file, --p12-file oder --service-account.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--p8-file, --p12-file, --endpoint and --environment are for the apns credential.</source>
        <translation>--p8-file, --p12-file, --endpoint und --environment gehören zu den apns-Anmeldedaten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--service-account is for the fcmv1 credential.</source>
        <translation>--service-account gehört zu den fcmv1-Anmeldedaten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--key-id, --team-id and --bundle-id go with --p8-file.</source>
        <translation>--key-id, --team-id und --bundle-id gehören zu --p8-file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--password-file goes with --p12-file.</source>
        <translation>--password-file gehört zu --p12-file.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give either --endpoint or --environment, not both.</source>
        <translation>Geben Sie entweder --endpoint oder --environment an, nicht beide.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--environment is production or sandbox, not &apos;%1&apos;.</source>
        <translation>--environment ist production oder sandbox, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--p8-file needs --key-id, --team-id and --bundle-id.</source>
        <translation>--p8-file braucht --key-id, --team-id und --bundle-id.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The .p12 file and its password cannot both come from standard input: give --password-file.</source>
        <translation>Die .p12-Datei und ihr Kennwort können nicht beide aus der Standardeingabe kommen: Geben Sie --password-file an.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>standard input</source>
        <translation>Standardeingabe</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>The namespace has no hubs.</source>
        <translation>Der Namespace hat keine Hubs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Credentials</source>
        <translation>Anmeldedaten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rules</source>
        <translation>Regeln</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>this connection</source>
        <translation>diese Verbindung</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>note: the key of profile %1 could not be read: %2</source>
        <translation>Hinweis: Der Schlüssel des Profils %1 konnte nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Hub %1</source>
        <translation>Hub %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The APNs credential needs an Endpoint: give --environment production or sandbox (or --endpoint URL).</source>
        <translation>Die APNs-Anmeldedaten brauchen einen Endpoint: Geben Sie --environment production oder sandbox an (oder --endpoint URL).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Nothing to change: the hub&apos;s %1 credential is already as given.</source>
        <translation>Nichts zu ändern: Die %1-Anmeldedaten des Hubs entsprechen bereits den Angaben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub has no %1 credential: nothing to remove.</source>
        <translation>Der Hub hat keine %1-Anmeldedaten: Es gibt nichts zu entfernen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Saved the hub&apos;s %1 credential:</source>
        <translation>%1-Anmeldedaten des Hubs gespeichert:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removed the hub&apos;s %1 credential:</source>
        <translation>%1-Anmeldedaten des Hubs entfernt:</translation>
    </message>
</context>
<context>
    <name>Nh::HubDescription</name>
    <message>
        <location filename="../../core/protocol/hubdescription.cpp" line="+154"/>
        <source>The element %1 appears more than once</source>
        <translation>Das Element %1 kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is &quot;%2&quot;, which is not a duration such as P90D</source>
        <translation>%1 ist „%2“, keine Dauer wie P90D</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 has more than one &lt;Properties&gt;</source>
        <translation>%1 hat mehr als ein &lt;Properties&gt;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 has no &lt;Properties&gt;: a credential is a list of name/value properties</source>
        <translation>%1 hat kein &lt;Properties&gt;: Anmeldedaten sind eine Liste von Name/Wert-Eigenschaften</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A property of %1 has no &lt;Name&gt;</source>
        <translation>Eine Eigenschaft von %1 hat kein &lt;Name&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The property %1 of %2 has no &lt;Value&gt;</source>
        <translation>Die Eigenschaft %1 von %2 hat kein &lt;Value&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The property %1 of %2 appears more than once (names compare without regard to case)</source>
        <translation>Die Eigenschaft %1 von %2 kommt mehr als einmal vor (Namen werden ohne Rücksicht auf Groß- und Kleinschreibung verglichen)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The authorization rule of type %1 is read as a shared access rule</source>
        <translation>Die Autorisierungsregel vom Typ %1 wird als Shared-Access-Regel gelesen</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 is &quot;%2&quot;: expected Listen, Send or Manage</source>
        <translation>%1 ist „%2“: erwartet wird Listen, Send oder Manage</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>An authorization rule in %1 has no &lt;KeyName&gt;</source>
        <translation>Eine Autorisierungsregel in %1 hat kein &lt;KeyName&gt;</translation>
    </message>
    <message>
        <location line="+140"/>
        <source>The entry holds no &lt;NotificationHubDescription&gt; in its &lt;content&gt;</source>
        <translation>Der Eintrag enthält in seinem &lt;content&gt; keine &lt;NotificationHubDescription&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The hub does not exist (the service answers 200 with an empty feed)</source>
        <translation>Der Hub existiert nicht (der Dienst antwortet 200 mit einem leeren Feed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub %1 does not exist (the service answers 200 with an empty feed)</source>
        <translation>Der Hub %1 existiert nicht (der Dienst antwortet 200 mit einem leeren Feed)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Expected one hub description, but this is a list of %n hub(s)</source>
        <translation>
            <numerusform>Erwartet wurde eine Hub-Beschreibung, aber dies ist eine Liste mit %n Hub</numerusform>
            <numerusform>Erwartet wurde eine Hub-Beschreibung, aber dies ist eine Liste mit %n Hubs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected a hub description (an Atom &lt;entry&gt; or a &lt;NotificationHubDescription&gt;), but the root element is &lt;%1&gt;</source>
        <translation>Erwartet wurde eine Hub-Beschreibung (ein Atom-&lt;entry&gt; oder eine &lt;NotificationHubDescription&gt;), aber das Wurzelelement ist &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expected a hub list (an Atom &lt;feed&gt;), but the root element is &lt;%1&gt;</source>
        <translation>Erwartet wurde eine Hub-Liste (ein Atom-&lt;feed&gt;), aber das Wurzelelement ist &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The entry has no &lt;title&gt; naming the hub</source>
        <translation>Der Eintrag hat keinen &lt;title&gt;, der den Hub nennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Entry %1: </source>
        <translation>Eintrag %1: </translation>
    </message>
    <message>
        <location filename="../../core/protocol/hubxmlreader.cpp" line="+48"/>
        <source>Elements are nested more than %1 levels deep</source>
        <translation>Elemente sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The hub description document ends too early</source>
        <translation>Das Dokument der Hub-Beschreibung endet zu früh</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The element %1 is not part of a hub description and was ignored</source>
        <translation>Das Element %1 gehört nicht zu einer Hub-Beschreibung und wurde ignoriert</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unexpected element &lt;%1&gt; inside %2: expected text</source>
        <translation>Unerwartetes Element &lt;%1&gt; in %2: erwartet wird Text</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 is &quot;%2&quot;, which is not an ISO 8601 date and time</source>
        <translation>%1 ist „%2“, kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 appears more than once</source>
        <translation>%1 kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is empty: expected a count</source>
        <translation>%1 ist leer: erwartet wurde eine Anzahl</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is &quot;%2&quot;, larger than the largest count</source>
        <translation>%1 ist „%2“, größer als die größte Anzahl</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is &quot;%2&quot;, which is not a count (a whole number, 0 or more)</source>
        <translation>%1 ist „%2“, keine Anzahl (eine ganze Zahl, 0 oder mehr)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 is &quot;%2&quot;: expected true or false</source>
        <translation>%1 ist „%2“: erwartet wird true oder false</translation>
    </message>
</context>
<context>
    <name>Nh::HubEmulator</name>
    <message>
        <location filename="../../core/emulator/hubemulator.cpp" line="+324"/>
        <source>The request was throttled (injected fault); retry after the time given in Retry-After.</source>
        <translation>Die Anfrage wurde gedrosselt (eingespeiste Störung); versuchen Sie es nach der in Retry-After angegebenen Zeit erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An internal error occurred (injected fault %1).</source>
        <translation>Ein interner Fehler ist aufgetreten (eingespeiste Störung %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was refused (injected fault %1).</source>
        <translation>Die Anfrage wurde abgelehnt (eingespeiste Störung %1).</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>The emulator is already running</source>
        <translation>Der Emulator läuft bereits</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub name &apos;%1&apos;: %2</source>
        <translation>Hub-Name „%1“: %2</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Could not listen on 127.0.0.1:%1: the port is taken or not allowed</source>
        <translation>Lauschen auf 127.0.0.1:%1 nicht möglich: Der Port ist belegt oder nicht erlaubt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Emulator listening on https://localhost:%1/</source>
        <translation>Emulator lauscht auf https://localhost:%1/</translation>
    </message>
</context>
<context>
    <name>Nh::HubErrorBody</name>
    <message>
        <location filename="../../core/protocol/errorbody.cpp" line="+36"/>
        <source>&lt;%1&gt; appears more than once</source>
        <translation>&lt;%1&gt; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;%1&gt; is empty: expected a status code</source>
        <translation>&lt;%1&gt; ist leer: Statuscode erwartet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, which is not a status code (a whole number of 0 or more)</source>
        <translation>&lt;%1&gt; ist „%2“, das ist kein Statuscode (eine ganze Zahl ab 0)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, larger than the largest code accepted (%3)</source>
        <translation>&lt;%1&gt; ist „%2“, größer als der größte akzeptierte Code (%3)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;Detail&gt; appears more than once</source>
        <translation>&lt;Detail&gt; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The &lt;Error&gt; body has no &lt;Code&gt; element</source>
        <translation>Der &lt;Error&gt;-Inhalt hat kein &lt;Code&gt;-Element</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &lt;Error&gt; body has no &lt;Detail&gt; element</source>
        <translation>Der &lt;Error&gt;-Inhalt hat kein &lt;Detail&gt;-Element</translation>
    </message>
</context>
<context>
    <name>Nh::Installation</name>
    <message>
        <location filename="../../core/protocol/installation.cpp" line="+197"/>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The %1 is not valid JSON: %2 at position %3 (line %4, column %5)</source>
        <translation>Die %1 ist kein gültiges JSON: %2 an Position %3 (Zeile %4, Spalte %5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+108"/>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+93"/>
        <location line="+56"/>
        <location line="+25"/>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <location line="-172"/>
        <location line="+804"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="-802"/>
        <location line="+248"/>
        <location line="+58"/>
        <location line="+583"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="-885"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be %2, not %3</source>
        <translation>%1 muss %2 sein, nicht %3</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>The tag at %1: %2</source>
        <translation>Das Tag unter %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag &apos;%1&apos; at %2 is not valid: %3</source>
        <translation>Das Tag „%1“ unter %2 ist ungültig: %3</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 &apos;%2&apos; is not an ISO 8601 date-time</source>
        <translation>%1 „%2“ ist kein Datum mit Uhrzeit nach ISO 8601</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a tag or an array of tags</source>
        <translation>ein Tag oder ein Array von Tags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an array of tags</source>
        <translation>ein Array von Tags</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has %2 tags; the documented limit is %3</source>
        <translation>%1 hat %2 Tags; das dokumentierte Limit ist %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object of strings</source>
        <translation>ein Objekt aus Strings</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a string or, for browsers, an object</source>
        <translation>ein String oder, für Browser, ein Objekt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The pushChannel is empty</source>
        <translation>Der pushChannel ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The pushChannel of a %1 installation must be a string; only browser installations take an object</source>
        <translation>Der pushChannel einer %1-Installation muss ein String sein; nur Browser-Installationen akzeptieren ein Objekt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The pushChannel of a browser installation must be an object (or its JSON text) with endpoint, p256dh and auth</source>
        <translation>Der pushChannel einer Browser-Installation muss ein Objekt (oder dessen JSON-Text) mit endpoint, p256dh und auth sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The browser pushChannel has no %1</source>
        <translation>Dem Browser-pushChannel fehlt %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The template %1 is a string that does not hold a JSON object</source>
        <translation>Die Vorlage %1 ist ein String, der kein JSON-Objekt enthält</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The member %1 is not part of a template and was ignored</source>
        <translation>Das Feld %1 gehört nicht zu einer Vorlage und wurde ignoriert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template %1 has no body</source>
        <translation>Die Vorlage %1 hat keinen Inhalt (body)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template %1 has an empty body</source>
        <translation>Die Vorlage %1 hat einen leeren Inhalt (body)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object of templates</source>
        <translation>ein Objekt aus Vorlagen</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The member %1 is not part of a secondary tile and was ignored</source>
        <translation>Das Feld %1 gehört nicht zu einer sekundären Kachel und wurde ignoriert</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The platform &apos;%1&apos; is not one of apns, fcmv1, gcm, wns, mpns, adm, baidu, browser, xiaomi</source>
        <translation>Die Plattform „%1“ ist keine von apns, fcmv1, gcm, wns, mpns, adm, baidu, browser, xiaomi</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+209"/>
        <source>an object of tiles</source>
        <translation>ein Objekt aus Kacheln</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>The member %1 is not part of an installation and was ignored</source>
        <translation>Das Feld %1 gehört nicht zu einer Installation und wurde ignoriert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The installation has no installationId</source>
        <translation>Die Installation hat keine installationId</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installationId is empty</source>
        <translation>Die installationId ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation has no platform</source>
        <translation>Die Installation hat keine Plattform (platform)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The installation has no pushChannel</source>
        <translation>Die Installation hat keinen pushChannel</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this path can not be patched</source>
        <translation>dieser Pfad kann nicht gepatcht werden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there are no tags to remove</source>
        <translation>es gibt keine Tags zum Entfernen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>there is no tag &apos;%1&apos;</source>
        <translation>es gibt kein Tag „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag</source>
        <translation>ein Tag</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>there is nothing to remove</source>
        <translation>es gibt nichts zu entfernen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there is no &apos;%1&apos;</source>
        <translation>„%1“ ist nicht vorhanden</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the body of a template is required and can not be removed</source>
        <translation>der Inhalt (body) einer Vorlage ist erforderlich und kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the body is empty</source>
        <translation>der Inhalt (body) ist leer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the template has no expiry</source>
        <translation>die Vorlage hat keinen Ablauf</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>there are no templates to remove</source>
        <translation>es gibt keine Vorlagen zum Entfernen</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+12"/>
        <source>there is no template &apos;%1&apos;</source>
        <translation>es gibt keine Vorlage „%1“</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there are no secondary tiles to remove</source>
        <translation>es gibt keine sekundären Kacheln zum Entfernen</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <source>there is no secondary tile &apos;%1&apos;</source>
        <translation>es gibt keine sekundäre Kachel „%1“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the pushChannel of a tile is required and can not be removed</source>
        <translation>der pushChannel einer Kachel ist erforderlich und kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the installation has no userId</source>
        <translation>die Installation hat keine userId</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the pushChannel is required and can not be removed</source>
        <translation>der pushChannel ist erforderlich und kann nicht entfernt werden</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 can not be changed by a patch</source>
        <translation>%1 kann nicht durch einen Patch geändert werden</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The installation must be a JSON object, not %1</source>
        <translation>Die Installation muss ein JSON-Objekt sein, nicht %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+87"/>
        <source>a scalar</source>
        <translation>ein Skalar</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>installation patch</source>
        <translation>Patch-Liste der Installation</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The installation patch must be a JSON array of operations, not %1</source>
        <translation>Die Patch-Liste der Installation muss ein JSON-Array von Operationen sein, nicht %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patch operation %1 is %2, not an object</source>
        <translation>Patch-Operation %1 ist %2, kein Objekt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Patch operation %1 has no &quot;path&quot; string</source>
        <translation>Patch-Operation %1 hat keinen String &quot;path&quot;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patch operation %1 on %2 has no &quot;op&quot; string</source>
        <translation>Patch-Operation %1 auf %2 hat keinen String &quot;op&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patch operation %1 (%2 %3): </source>
        <translation>Patch-Operation %1 (%2 %3): </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the operation is not supported; use add, remove or replace</source>
        <translation>die Operation wird nicht unterstützt; verwenden Sie add, remove oder replace</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the operation needs a value</source>
        <translation>die Operation braucht einen Wert (value)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the path must start with &apos;/&apos;</source>
        <translation>der Pfad muss mit &apos;/&apos; beginnen</translation>
    </message>
</context>
<context>
    <name>Nh::MpnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/mpnspayload.cpp" line="+86"/>
        <source>Toast</source>
        <translation>Toast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tile</source>
        <translation>Kachel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;wp:Notification&gt; must contain &lt;wp:Toast&gt; or &lt;wp:Tile&gt;, not &lt;%1&gt;</source>
        <translation>&lt;wp:Notification&gt; muss &lt;wp:Toast&gt; oder &lt;wp:Tile&gt; enthalten, nicht &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;Notification&gt; is not in the WPNotification namespace, so it is sent as a raw notification</source>
        <translation>&lt;Notification&gt; liegt nicht im WPNotification-Namespace und wird daher als Raw-Benachrichtigung gesendet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MPNS (format windowsphone) is deprecated and no longer supported by Notification Hubs; expect the send to fail</source>
        <translation>MPNS (Format windowsphone) ist veraltet und wird von Notification Hubs nicht mehr unterstützt; rechnen Sie damit, dass die Sendung fehlschlägt</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (MPNS calls the tile target &quot;token&quot;)</source>
        <translation> (MPNS nennt das Kachel-Ziel &quot;token&quot;)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The header X-WindowsPhone-Target must be toast or token, not &quot;%1&quot;%2</source>
        <translation>Der Header X-WindowsPhone-Target muss toast oder token sein, nicht &quot;%1&quot;%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header X-NotificationClass must be 1, 2 or 3 (tile, toast, raw), or 11–13 / 21–23 for delayed delivery, not &quot;%1&quot;</source>
        <translation>Der Header X-NotificationClass muss 1, 2 oder 3 (Kachel, Toast, Raw) oder 11–13 / 21–23 für verzögerte Zustellung sein, nicht &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>Nh::NetworkErrors</name>
    <message>
        <location filename="../../core/client/networkerrors.cpp" line="+81"/>
        <source>no host name</source>
        <translation>kein Host-Name</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>It is not issued by an authority this computer trusts: for the local emulator, add its certificate to the connection&apos;s trusted certificates (nhemulator prints its path); behind a TLS-inspecting proxy, add the proxy&apos;s CA.</source>
        <translation>Es wurde nicht von einer Zertifizierungsstelle ausgestellt, der dieser Computer vertraut: Fügen Sie für den lokalen Emulator dessen Zertifikat zu den vertrauenswürdigen Zertifikaten der Verbindung hinzu (nhemulator gibt den Pfad aus); hinter einem Proxy mit TLS-Inspektion fügen Sie die CA des Proxys hinzu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is issued for %1, not for %2: connect with a host name the certificate names.</source>
        <translation>Es ist für %1 ausgestellt, nicht für %2: Verbinden Sie sich mit einem Host-Namen, den das Zertifikat nennt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another host</source>
        <translation>einen anderen Host</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check this computer&apos;s clock, or renew the certificate.</source>
        <translation>Prüfen Sie die Uhr dieses Computers oder erneuern Sie das Zertifikat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is valid from %1 to %2 (UTC) only: check this computer&apos;s clock, or renew the certificate.</source>
        <translation>Es ist nur von %1 bis %2 (UTC) gültig: Prüfen Sie die Uhr dieses Computers oder erneuern Sie das Zertifikat.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its issuer has revoked it: the server needs a new certificate.</source>
        <translation>Sein Aussteller hat es widerrufen: Der Server braucht ein neues Zertifikat.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Never turn certificate checks off.</source>
        <translation>Schalten Sie die Zertifikatsprüfung niemals ab.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS handshake with %1 failed, so nothing was sent: %2 For the local emulator, add its certificate to the connection&apos;s trusted certificates.</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen, daher wurde nichts gesendet: %2 Fügen Sie für den lokalen Emulator dessen Zertifikat zu den vertrauenswürdigen Zertifikaten der Verbindung hinzu.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the certificate %1 was refused because: %2</source>
        <translation>das Zertifikat %1 wurde abgelehnt; Grund: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS handshake with %1 failed, so nothing was sent: %2</source>
        <translation>Der TLS-Handshake mit %1 ist fehlgeschlagen, daher wurde nichts gesendet: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a NotificationOutcome (XML)</source>
        <translation>ein NotificationOutcome (XML)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a registration feed (Atom XML)</source>
        <translation>ein Registrierungs-Feed (Atom XML)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a registration entry (Atom XML)</source>
        <translation>ein Registrierungseintrag (Atom XML)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an installation (JSON)</source>
        <translation>eine Installation (JSON)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NotificationDetails telemetry (XML)</source>
        <translation>NotificationDetails-Telemetrie (XML)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the expected body</source>
        <translation>der erwartete Body</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Slow down: test sends are limited to 10 a minute.</source>
        <translation>Langsamer: Testsendungen sind auf 10 pro Minute begrenzt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow down: the namespace&apos;s pricing tier limits how many calls a hub accepts; space the calls out, or move the namespace to a higher tier.</source>
        <translation>Langsamer: Der Tarif des Namespace begrenzt, wie viele Aufrufe ein Hub annimmt; verteilen Sie die Aufrufe zeitlich, oder stufen Sie den Namespace in einen höheren Tarif hoch.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Compare the token&apos;s se with this computer&apos;s clock; if the clock is off, set it right (clock skew).</source>
        <translation>Vergleichen Sie se im Token mit der Uhr dieses Computers; falls die Uhr abweicht, stellen Sie sie richtig (Uhrenabweichung).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By this computer&apos;s clock the token was still valid for %1 s when it was sent (se=%2, %3; clock %4), so the hub&apos;s clock is at least %1 s ahead of this computer&apos;s (clock skew). Set this computer&apos;s clock right (automatic time).</source>
        <translation>Nach der Uhr dieses Computers war das Token beim Senden noch %1 s gültig (se=%2, %3; Uhr %4), also geht die Uhr des Hubs mindestens %1 s gegenüber der Uhr dieses Computers vor (Uhrenabweichung). Stellen Sie die Uhr dieses Computers richtig (automatische Zeit).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The token had already expired by this computer&apos;s clock when it was sent (se=%1, %2; clock %3, %4 s later): sign tokens with a positive lifetime, and check this computer&apos;s clock (clock skew).</source>
        <translation>Das Token war nach der Uhr dieses Computers beim Senden bereits abgelaufen (se=%1, %2; Uhr %3, %4 s später): Signieren Sie Tokens mit positiver Gültigkeitsdauer und prüfen Sie die Uhr dieses Computers (Uhrenabweichung).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(no certificate)</source>
        <translation>(kein Zertifikat)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>issued by itself</source>
        <translation>selbst ausgestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued by %1</source>
        <translation>ausgestellt von %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; (%2, SHA-256 %3, valid %4 to %5)</source>
        <translation>„%1“ (%2, SHA-256 %3, gültig %4 bis %5)</translation>
    </message>
    <message>
        <location filename="../../core/protocol/operation.cpp" line="+28"/>
        <source>the send</source>
        <translation>die Sendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the test send</source>
        <translation>die Testsendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the direct send</source>
        <translation>die Direktsendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the direct batch send</source>
        <translation>die direkte Batch-Sendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the scheduled send</source>
        <translation>die geplante Sendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelling the scheduled send</source>
        <translation>das Abbrechen der geplanten Sendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the telemetry</source>
        <translation>das Lesen der Telemetrie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creating a registration id</source>
        <translation>das Erstellen einer Registrierungs-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creating the registration</source>
        <translation>das Erstellen der Registrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saving the registration</source>
        <translation>das Speichern der Registrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the registration</source>
        <translation>das Lesen der Registrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting the registration</source>
        <translation>das Löschen der Registrierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing registrations</source>
        <translation>das Auflisten der Registrierungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing registrations by tag</source>
        <translation>das Auflisten der Registrierungen nach Tag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saving the installation</source>
        <translation>das Speichern der Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the installation</source>
        <translation>das Lesen der Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>patching the installation</source>
        <translation>das Patchen der Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting the installation</source>
        <translation>das Löschen der Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the feedback container</source>
        <translation>das Lesen des Feedback-Containers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the hub&apos;s configuration</source>
        <translation>das Lesen der Konfiguration des Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creating the hub</source>
        <translation>das Erstellen des Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>saving the hub&apos;s configuration</source>
        <translation>das Speichern der Konfiguration des Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting the hub</source>
        <translation>das Löschen des Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing the namespace&apos;s hubs</source>
        <translation>das Auflisten der Hubs des Namespace</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the request</source>
        <translation>die Anfrage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the request %1</source>
        <translation>die Anfrage %1</translation>
    </message>
    <message>
        <location filename="../../core/client/networkerrors.cpp" line="+16"/>
        <source>Cancelled: you stopped the request to %1 before it answered; the hub may still have received it.</source>
        <translation>Abgebrochen: Sie haben die Anfrage an %1 gestoppt, bevor eine Antwort kam; der Hub hat sie möglicherweise trotzdem erhalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No response from %1 within %2 s (the transfer timeout), so the request was abandoned; the hub may still have received it. Check the network and the hub, then try again, or raise the timeout in the settings.</source>
        <translation>Keine Antwort von %1 innerhalb von %2 s (Zeitüberschreitung der Übertragung), daher wurde die Anfrage aufgegeben; der Hub hat sie möglicherweise trotzdem erhalten. Prüfen Sie das Netzwerk und den Hub und versuchen Sie es dann erneut, oder erhöhen Sie die Zeitüberschreitung in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The host name %1 could not be resolved (DNS), so nothing was sent to port %2. Check the Endpoint in the connection string for typos (sb://&lt;namespace&gt;.servicebus.windows.net/) and this computer&apos;s network and DNS.</source>
        <translation>Der Host-Name %1 konnte nicht aufgelöst werden (DNS), daher wurde nichts an Port %2 gesendet. Prüfen Sie den Endpoint in der Verbindungszeichenfolge auf Tippfehler (sb://&lt;namespace&gt;.servicebus.windows.net/) sowie Netzwerk und DNS dieses Computers.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 refused the connection: nothing listens on port %2 of %3, so nothing was sent. Check the port in the Endpoint; for the local emulator, start nhemulator on that port.</source>
        <translation>%1 hat die Verbindung abgelehnt: Auf Port %2 von %3 lauscht nichts, daher wurde nichts gesendet. Prüfen Sie den Port im Endpoint; starten Sie für den lokalen Emulator nhemulator auf diesem Port.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 closed the connection before answering (connection reset); the hub may or may not have received the request. Try again; if it repeats, a proxy, firewall or TLS inspection is dropping the connection.</source>
        <translation>%1 hat die Verbindung vor einer Antwort geschlossen (Connection Reset); der Hub hat die Anfrage möglicherweise erhalten, möglicherweise auch nicht. Versuchen Sie es erneut; wenn es sich wiederholt, unterbricht ein Proxy, eine Firewall oder eine TLS-Inspektion die Verbindung.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No response from %1 in time, so the request was abandoned; the hub may still have received it. Try again, or raise the timeout in the settings.</source>
        <translation>Keine rechtzeitige Antwort von %1, daher wurde die Anfrage aufgegeben; der Hub hat sie möglicherweise trotzdem erhalten. Versuchen Sie es erneut, oder erhöhen Sie die Zeitüberschreitung in den Einstellungen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy on the way to %1 failed: %2 Check the proxy settings (HTTPS_PROXY) and credentials.</source>
        <translation>Der Proxy auf dem Weg zu %1 ist fehlgeschlagen: %2 Prüfen Sie die Proxy-Einstellungen (HTTPS_PROXY) und die Anmeldedaten.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The network was unavailable, so nothing reached %1. Reconnect and try again.</source>
        <translation>Das Netzwerk war nicht verfügbar, daher hat nichts %1 erreicht. Stellen Sie die Verbindung wieder her und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 did not answer in HTTP: %2 Something other than a hub may listen there; check the host and port of the Endpoint.</source>
        <translation>%1 hat nicht per HTTP geantwortet: %2 Dort lauscht möglicherweise etwas anderes als ein Hub; prüfen Sie Host und Port im Endpoint.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request to %1 failed without an answer from the hub: %2 Check the network and try again.</source>
        <translation>Die Anfrage an %1 ist ohne Antwort des Hubs fehlgeschlagen: %2 Prüfen Sie das Netzwerk und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub answered %1%2 to %3</source>
        <translation>Der Hub hat auf %3 mit %1%2 geantwortet</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>It sent no details.</source>
        <translation>Er hat keine Details gesendet.</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The hub says: &quot;%1&quot;.</source>
        <translation>Der Hub sagt: „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub says: &quot;%1&quot; (TrackingId %2).</source>
        <translation>Der Hub sagt: „%1“ (TrackingId %2).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The body is not the hub&apos;s &lt;Error&gt; XML; it starts: &quot;%1&quot;.</source>
        <translation>Der Body ist nicht das &lt;Error&gt;-XML des Hubs; er beginnt mit: „%1“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unknown)</source>
        <translation>(unbekannt)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the signature of the SAS token of rule &apos;%1&apos; is not valid (InvalidSignature)</source>
        <translation>die Signatur des SAS-Tokens der Zugriffsregel „%1“ ist ungültig (InvalidSignature)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key in the connection string is not the current key of rule &apos;%1&apos;, or the namespace has no rule of that name: copy the connection string again from the portal&apos;s Access Policies; keys change when they are regenerated.</source>
        <translation>Der Schlüssel in der Verbindungszeichenfolge ist nicht der aktuelle Schlüssel der Zugriffsregel „%1“, oder der Namespace hat keine Regel dieses Namens: Kopieren Sie die Verbindungszeichenfolge erneut aus den Zugriffsrichtlinien (Access Policies) im Portal; Schlüssel ändern sich, wenn sie neu generiert werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the SAS token of rule &apos;%1&apos; has expired (ExpiredToken)</source>
        <translation>das SAS-Token der Zugriffsregel „%1“ ist abgelaufen (ExpiredToken)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the SAS token of rule &apos;%1&apos; was signed for %2, which does not cover %3 (InvalidAudience)</source>
        <translation>das SAS-Token der Zugriffsregel „%1“ wurde für %2 signiert, was %3 nicht abdeckt (InvalidAudience)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another resource</source>
        <translation>eine andere Ressource</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign the hub URL (https://&lt;namespace&gt;/&lt;hub&gt;) or the namespace root, using the host, port and hub name of the request.</source>
        <translation>Signieren Sie die Hub-URL (https://&lt;namespace&gt;/&lt;hub&gt;) oder die Wurzel des Namespace, mit Host, Port und Hub-Namen der Anfrage.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rule &apos;%1&apos; does not grant the %2 claim that %3 needs</source>
        <translation>die Zugriffsregel „%1“ gewährt nicht die Berechtigung %2, die %3 benötigt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a connection string whose rule grants %1 (DefaultFullSharedAccessSignature grants Listen, Send and Manage; DefaultListenSharedAccessSignature only Listen).</source>
        <translation>Verwenden Sie eine Verbindungszeichenfolge, deren Zugriffsregel %1 gewährt (DefaultFullSharedAccessSignature gewährt Listen, Send und Manage; DefaultListenSharedAccessSignature nur Listen).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request arrived without an Authorization header (MissingToken)</source>
        <translation>die Anfrage kam ohne Authorization-Header an (MissingToken)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the hub could not read the SAS token of rule &apos;%1&apos; (MalformedToken)</source>
        <translation>der Hub konnte das SAS-Token der Zugriffsregel „%1“ nicht lesen (MalformedToken)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the hub refused the SAS token of rule &apos;%1&apos;</source>
        <translation>der Hub hat das SAS-Token der Zugriffsregel „%1“ abgelehnt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the key of rule &apos;%1&apos; and this computer&apos;s clock.</source>
        <translation>Prüfen Sie den Schlüssel der Zugriffsregel „%1“ und die Uhr dieses Computers.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the request was refused (Forbidden)</source>
        <translation>die Anfrage wurde abgelehnt (Forbidden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Either rule &apos;%1&apos; lacks the %2 right this operation needs (newer hubs answer 403 where older ones said &quot;claim is required&quot;), or the hub&apos;s pricing tier lacks the feature (telemetry and scheduled sends need Standard). Check the rule&apos;s claims and the hub&apos;s tier in the portal.</source>
        <translation>Entweder fehlt der Zugriffsregel „%1“ das Recht %2, das diese Operation braucht (neuere Hubs antworten mit 403, wo ältere „claim is required“ meldeten), oder dem Tarif des Hubs fehlt die Funktion (Telemetrie und geplante Sendungen erfordern Standard). Prüfen Sie die Berechtigungen der Regel und den Tarif des Hubs im Portal.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>there is no hub named &apos;%1&apos; in the namespace at %2</source>
        <translation>im Namespace unter %2 gibt es keinen Hub namens „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>registration &apos;%1&apos; does not exist on hub &apos;%2&apos;</source>
        <translation>die Registrierung „%1“ existiert im Hub „%2“ nicht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>installation &apos;%1&apos; does not exist on hub &apos;%2&apos;</source>
        <translation>die Installation „%1“ existiert im Hub „%2“ nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hub &apos;%1&apos; has no scheduled notification &apos;%2&apos;</source>
        <translation>der Hub „%1“ hat keine geplante Benachrichtigung „%2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was already sent or cancelled, or the id is wrong.</source>
        <translation>Sie wurde bereits gesendet oder abgebrochen, oder die ID ist falsch.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub &apos;%1&apos; has no telemetry for notification &apos;%2&apos;</source>
        <translation>der Hub „%1“ hat keine Telemetrie für die Benachrichtigung „%2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telemetry exists only after the hub has processed the send, and only on the Standard tier: read it again every 10 seconds or so, for up to 30 minutes, with the id from the send&apos;s Location.</source>
        <translation>Telemetrie gibt es erst, nachdem der Hub die Sendung verarbeitet hat, und nur im Standard-Tarif: Lesen Sie sie etwa alle 10 Sekunden erneut, bis zu 30 Minuten lang, mit der ID aus dem Location-Header der Sendung.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hub &apos;%1&apos; has nothing at %2</source>
        <translation>der Hub „%1“ hat nichts unter %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the hub name and the id in the request.</source>
        <translation>Prüfen Sie den Hub-Namen und die ID in der Anfrage.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a precondition of %1 failed (Precondition Failed), although nhconsole sent no If-Match</source>
        <translation>eine Vorbedingung von %1 ist fehlgeschlagen (Precondition Failed), obwohl nhconsole kein If-Match gesendet hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something between nhconsole and the hub may add conditions to requests (a proxy or gateway); send again, and check the proxy if it repeats.</source>
        <translation>Etwas zwischen nhconsole und dem Hub (ein Proxy oder Gateway) fügt Anfragen möglicherweise Bedingungen hinzu; senden Sie erneut, und prüfen Sie den Proxy, falls es sich wiederholt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>registration &apos;%1&apos; does not match the If-Match ETag %2 (Precondition Failed)</source>
        <translation>die Registrierung „%1“ passt nicht zum If-Match-ETag %2 (Precondition Failed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none sent)</source>
        <translation>(keines gesendet)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It changed since it was read, or is gone: reload it to get its current ETag, apply the change again and save, or use If-Match: * to overwrite it.</source>
        <translation>Sie hat sich seit dem Lesen geändert oder existiert nicht mehr: Laden Sie sie neu, um ihr aktuelles ETag zu erhalten, wenden Sie die Änderung erneut an und speichern Sie, oder verwenden Sie If-Match: *, um sie zu überschreiben.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request was refused as too large, although its body of %1 bytes is within the hub&apos;s limit of 64 KB (%2 bytes)</source>
        <translation>die Anfrage wurde als zu groß abgelehnt, obwohl ihr Body mit %1 Bytes innerhalb des Hub-Limits von 64 KB (%2 Bytes) liegt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A proxy or gateway in the way may have a lower limit, or the headers (tags, template headers) are too large; check the proxy and shorten the headers.</source>
        <translation>Ein Proxy oder Gateway auf dem Weg hat möglicherweise ein niedrigeres Limit, oder die Header (Tags, Vorlagen-Header) sind zu groß; prüfen Sie den Proxy und kürzen Sie die Header.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the request body of %1 bytes is over the hub&apos;s limit of 64 KB (%2 bytes)</source>
        <translation>der Anfrage-Body von %1 Bytes überschreitet das Limit des Hubs von 64 KB (%2 Bytes)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the hub is unavailable or throttling requests</source>
        <translation>der Hub ist nicht verfügbar oder drosselt Anfragen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hub is throttling requests</source>
        <translation>der Hub drosselt Anfragen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the hub failed on the service side</source>
        <translation>beim Hub ist ein dienstseitiger Fehler aufgetreten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is usually transient: try again in a moment; if it persists, give Azure support the TrackingId %1.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es gleich erneut; wenn es anhält, nennen Sie dem Azure-Support die TrackingId %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is usually transient: try again in a moment.</source>
        <translation>Das ist meist vorübergehend: Versuchen Sie es gleich erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the hub will not use registration id &apos;%1&apos; (Gone)</source>
        <translation>der Hub verwendet die Registrierungs-ID „%1“ nicht (Gone)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the hub refused the request as invalid (Bad Request)</source>
        <translation>der Hub hat die Anfrage als ungültig abgelehnt (Bad Request)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The hub answered %1%2 to %3, but the body is not readable as %4: %5</source>
        <translation>Der Hub hat auf %3 mit %1%2 geantwortet, aber der Body ist nicht als %4 lesbar: %5</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The body is empty; send again to see whether it repeats.</source>
        <translation>Der Body ist leer; senden Sie erneut, um zu sehen, ob es sich wiederholt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An HTML page comes from a proxy or gateway in front of the hub, not from the hub: check the Endpoint and any proxy.</source>
        <translation>Eine HTML-Seite stammt von einem Proxy oder Gateway vor dem Hub, nicht vom Hub: Prüfen Sie den Endpoint und einen etwaigen Proxy.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cut connection or a proxy can mangle a response; send again to see whether it repeats.</source>
        <translation>Eine unterbrochene Verbindung oder ein Proxy kann eine Antwort verfälschen; senden Sie erneut, um zu sehen, ob es sich wiederholt.</translation>
    </message>
</context>
<context>
    <name>Nh::Notification</name>
    <message>
        <location filename="../../core/protocol/draftcheck.cpp" line="-374"/>
        <source>Device handle %1</source>
        <translation>Geräte-Handle %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The device handle</source>
        <translation>Das Geräte-Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty</source>
        <translation>%1 ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 contains a line break or control character at position %2</source>
        <translation>%1 enthält an Position %2 einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <location filename="../../core/protocol/notification.cpp" line="+39"/>
        <source>The schedule time is empty</source>
        <translation>Der Sendezeitpunkt ist leer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected the digits of the fraction of a second</source>
        <translation>erwartet wurden die Ziffern des Sekundenbruchteils</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a fraction of a second has at most 7 digits</source>
        <translation>ein Sekundenbruchteil hat höchstens 7 Ziffern</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the UTC offset is out of range</source>
        <translation>der UTC-Versatz liegt außerhalb des gültigen Bereichs</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected &apos;.&apos;, &apos;Z&apos;, an offset such as +02:00 or the end</source>
        <translation>erwartet wurde &apos;.&apos;, &apos;Z&apos;, ein Versatz wie +02:00 oder das Ende</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected text after the time</source>
        <translation>unerwarteter Text nach der Uhrzeit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule time &quot;%1&quot; names a date or time that does not exist</source>
        <translation>Der Sendezeitpunkt „%1“ bezeichnet ein Datum oder eine Uhrzeit, die es nicht gibt</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The schedule time &quot;%1&quot; is not valid at position %2: %3</source>
        <translation>Der Sendezeitpunkt „%1“ ist an Position %2 ungültig: %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it ends where a digit was expected</source>
        <translation>die Eingabe endet, wo eine Ziffer erwartet wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a digit</source>
        <translation>erwartet wurde eine Ziffer</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it ends where &apos;%1&apos; was expected</source>
        <translation>die Eingabe endet, wo &apos;%1&apos; erwartet wurde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &apos;%1&apos;</source>
        <translation>erwartet wurde &apos;%1&apos;</translation>
    </message>
    <message>
        <location filename="../../core/protocol/draftcheck.cpp" line="+241"/>
        <source>The tag expression is empty; choose a broadcast to reach every registration</source>
        <translation>Der Tag-Ausdruck ist leer; wählen Sie einen Broadcast, um jede Registrierung zu erreichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tag expression contains a line break or control character at position %1</source>
        <translation>Der Tag-Ausdruck enthält an Position %1 einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <location line="-199"/>
        <source>A template notification cannot be sent to a device handle: the hub needs a registration&apos;s template to render it. Choose a native format or a tag target</source>
        <translation>Eine Vorlagenbenachrichtigung kann nicht an ein Geräte-Handle gesendet werden: Der Hub braucht die Vorlage einer Registrierung, um sie zu erzeugen. Wählen Sie ein natives Format oder ein Tag-Ziel</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A direct send needs exactly one device handle (%1 given); use a direct batch for more</source>
        <translation>Eine direkte Sendung braucht genau ein Geräte-Handle (%1 angegeben); verwenden Sie für mehrere einen direkten Batch</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An APNs device token is hexadecimal; this handle is not, so APNs will likely refuse it</source>
        <translation>Ein APNs-Geräte-Token ist hexadezimal; dieses Handle ist es nicht, daher wird APNs es wahrscheinlich ablehnen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A browser direct send needs the subscription&apos;s %1 key (the header %1)</source>
        <translation>Eine direkte Browser-Sendung braucht den Schlüssel %1 des Abonnements (den Header %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A direct batch needs at least one device handle</source>
        <translation>Ein direkter Batch braucht mindestens ein Geräte-Handle</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A direct batch takes at most %1 device handles, not %2</source>
        <translation>Ein direkter Batch nimmt höchstens %1 Geräte-Handles an, nicht %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Device handle %1 repeats an earlier one; the device may get the notification twice</source>
        <translation>Geräte-Handle %1 wiederholt ein früheres; das Gerät erhält die Benachrichtigung möglicherweise zweimal</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A direct batch has no place for each subscription&apos;s P256DH and Auth keys; whether the hub delivers browser batches is unconfirmed</source>
        <translation>Ein direkter Batch hat keinen Platz für die P256DH- und Auth-Schlüssel der einzelnen Abonnements; ob der Hub Browser-Batches zustellt, ist nicht bestätigt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A notification goes to a tag expression, device handles or everyone</source>
        <translation>Eine Benachrichtigung geht an einen Tag-Ausdruck, an Geräte-Handles oder an alle</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The schedule time is not a valid time</source>
        <translation>Der Sendezeitpunkt ist keine gültige Zeit</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scheduled sends go to tags or to everyone; the hub cannot schedule a direct send to device handles</source>
        <translation>Geplante Sendungen gehen an Tags oder an alle; der Hub kann keine direkte Sendung an Geräte-Handles planen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The schedule time %1 UTC is in the past (now %2 UTC)</source>
        <translation>Der Sendezeitpunkt %1 UTC liegt in der Vergangenheit (jetzt %2 UTC)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule time %1 UTC is more than %2 days ahead; the hub schedules at most %2 days in advance</source>
        <translation>Der Sendezeitpunkt %1 UTC liegt mehr als %2 Tage in der Zukunft; der Hub plant höchstens %2 Tage im Voraus</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>The batch request is %1 bytes; the hub refuses single sends over %2 bytes and does not document its limit for batches</source>
        <translation>Die Batch-Anfrage ist %1 Bytes groß; der Hub lehnt einzelne Sendungen über %2 Bytes ab und dokumentiert sein Limit für Batches nicht</translation>
    </message>
</context>
<context>
    <name>Nh::NotificationDetails</name>
    <message>
        <location filename="../../core/protocol/notificationdetails.cpp" line="+82"/>
        <source>There are more than %1 &lt;Outcome&gt; entries</source>
        <translation>Es gibt mehr als %1 &lt;Outcome&gt;-Einträge</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Outcome %1 in &lt;%2&gt; has &lt;Name&gt; more than once</source>
        <translation>Outcome-Eintrag %1 in &lt;%2&gt; enthält &lt;Name&gt; mehr als einmal</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;Count&gt; of outcome %1 in &lt;%2&gt;</source>
        <translation>&lt;Count&gt; von Outcome-Eintrag %1 in &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outcome %1 in &lt;%2&gt; has no &lt;%3&gt; element</source>
        <translation>Outcome-Eintrag %1 in &lt;%2&gt; hat kein Element &lt;%3&gt;</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, which is not a date and time like 2015-11-02T21:19:43.9926996Z</source>
        <translation>&lt;%1&gt; ist „%2“, kein Datum mit Uhrzeit wie 2015-11-02T21:19:43.9926996Z</translation>
    </message>
    <message>
        <location line="+152"/>
        <location line="+16"/>
        <source>&lt;%1&gt; appears more than once</source>
        <translation>&lt;%1&gt; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There are more than %1 …OutcomeCounts elements</source>
        <translation>Es gibt mehr als %1 …OutcomeCounts-Elemente</translation>
    </message>
</context>
<context>
    <name>Nh::NotificationOutcome</name>
    <message>
        <location filename="../../core/protocol/notificationoutcome.cpp" line="+50"/>
        <source>Result %1 has &lt;%2&gt; more than once</source>
        <translation>Ergebnis %1 enthält &lt;%2&gt; mehr als einmal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Result %1 (&lt;RegistrationResult&gt;) has no &lt;%2&gt; element</source>
        <translation>Ergebnis %1 (&lt;RegistrationResult&gt;) hat kein Element &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;Results&gt; holds more than %1 results</source>
        <translation>&lt;Results&gt; enthält mehr als %1 Ergebnisse</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The root element has a prefix (&lt;%1&gt;); the JS SDK rejects a prefixed root</source>
        <translation>Das Wurzelelement hat ein Präfix (&lt;%1&gt;); das JS SDK lehnt ein Wurzelelement mit Präfix ab</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;Results&gt; appears more than once</source>
        <translation>&lt;Results&gt; kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The %1 has no &lt;Success&gt; element</source>
        <translation>%1 hat kein Element &lt;Success&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no &lt;Failure&gt; element (taken as 0); the JS SDK rejects this</source>
        <translation>Es gibt kein Element &lt;Failure&gt; (als 0 gewertet); das JS SDK lehnt das ab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no &lt;Results&gt; element (taken as empty); the JS SDK rejects this</source>
        <translation>Es gibt kein Element &lt;Results&gt; (als leer gewertet); das JS SDK lehnt das ab</translation>
    </message>
</context>
<context>
    <name>Nh::OutcomeModel</name>
    <message>
        <location filename="../../core/models/outcomemodel.cpp" line="+18"/>
        <location line="+21"/>
        <source>push service</source>
        <translation>Pushdienst</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Apple (APNs) certificate or token</source>
        <translation>Apple (APNs): Zertifikat oder Token</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase (FCM v1) service account</source>
        <translation>Firebase (FCM v1): Dienstkonto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google (GCM/FCM legacy) server key</source>
        <translation>Google (GCM/FCM legacy): Serverschlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows (WNS) package SID and secret</source>
        <translation>Windows (WNS): Paket-SID und Geheimnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows Phone (MPNS) certificate</source>
        <translation>Windows Phone (MPNS): Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon (ADM) client id and secret</source>
        <translation>Amazon (ADM): Client-ID und Geheimnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baidu API key and secret</source>
        <translation>Baidu: API-Schlüssel und Geheimnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web Push (VAPID) keys</source>
        <translation>Web Push (VAPID): Schlüssel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xiaomi app secret</source>
        <translation>Xiaomi: App-Geheimnis</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The hub handed the notification to the push service, which accepted it.</source>
        <translation>Der Hub hat die Benachrichtigung an den Pushdienst übergeben, der sie angenommen hat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the device shows nothing, check that the app allows notifications and that the payload and its headers suit the app (for Apple, apns-push-type must match the aps content).</source>
        <translation>Wenn das Gerät nichts anzeigt, prüfen Sie, ob die App Benachrichtigungen zulässt und ob Payload und Header zur App passen (bei Apple muss apns-push-type zum Inhalt von aps passen).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The push service refused the device handle: it is malformed, or belongs to another app or environment (a sandbox APNs token sent to production, for example).</source>
        <translation>Der Pushdienst hat das Geräte-Handle abgelehnt: Es ist fehlerhaft oder gehört zu einer anderen App oder Umgebung (zum Beispiel ein Sandbox-APNs-Token, das an die Produktion gesendet wurde).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub has deleted this registration. Let the app register again with a fresh handle, and check that the hub&apos;s credentials match the app&apos;s environment.</source>
        <translation>Der Hub hat diese Registrierung gelöscht. Lassen Sie die App sich mit einem neuen Handle erneut registrieren, und prüfen Sie, ob die Zugangsdaten des Hubs zur Umgebung der App passen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The handle is no longer valid: the app was uninstalled, or the push service rotated the token.</source>
        <translation>Das Handle ist nicht mehr gültig: Die App wurde deinstalliert, oder der Pushdienst hat das Token erneuert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub has deleted this registration. The app must register again when it next starts.</source>
        <translation>Der Hub hat diese Registrierung gelöscht. Die App muss sich beim nächsten Start erneut registrieren.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub&apos;s %1 is wrong or has expired, so the push service refused to talk to it.</source>
        <translation>Die Zugangsdaten des Hubs (%1) sind falsch oder abgelaufen, daher hat der Pushdienst die Verbindung verweigert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update the hub&apos;s %1 in the Azure portal (Notification Hub, Settings), then send again.</source>
        <translation>Aktualisieren Sie die Zugangsdaten des Hubs (%1) im Azure-Portal (Notification Hub, Einstellungen), und senden Sie dann erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The push service refused the payload this registration&apos;s template rendered into with the properties sent.</source>
        <translation>Der Pushdienst hat die Payload abgelehnt, die aus der Vorlage dieser Registrierung mit den gesendeten Eigenschaften erzeugt wurde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look at what it received (below): fix the template (nhcli templates lint names what is wrong) or send the properties it needs.</source>
        <translation>Sehen Sie sich an, was sie erhalten hat (unten): Korrigieren Sie die Vorlage (nhcli templates lint nennt, was falsch ist), oder senden Sie die Eigenschaften, die sie braucht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The push service refused the payload.</source>
        <translation>Der Pushdienst hat die Payload abgelehnt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the body and its headers against the platform&apos;s format; nhconsole validates them before sending, so compare with the warnings shown there.</source>
        <translation>Prüfen Sie den Body und seine Header anhand des Formats der Plattform; nhconsole prüft sie vor dem Senden, vergleichen Sie daher mit den dort angezeigten Warnungen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub reported an outcome that nhconsole does not recognise.</source>
        <translation>Der Hub hat ein Ergebnis gemeldet, das nhconsole nicht kennt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search for the exact text in the Notification Hubs documentation; the message&apos;s telemetry may say more.</source>
        <translation>Suchen Sie nach dem genauen Text in der Notification-Hubs-Dokumentation; die Telemetrie der Nachricht sagt möglicherweise mehr.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid handle</source>
        <translation>Ungültiges Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired handle</source>
        <translation>Abgelaufenes Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad credentials</source>
        <translation>Falsche Anmeldedaten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload refused</source>
        <translation>Nutzlast abgelehnt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not recognised</source>
        <translation>Nicht erkannt</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device handle</source>
        <translation>Geräte-Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration id</source>
        <translation>Registrierungs-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub&apos;s outcome</source>
        <translation>Antwort des Hubs</translation>
    </message>
</context>
<context>
    <name>Nh::PayloadBuilder</name>
    <message>
        <location filename="../../core/protocol/payloadbuilder.cpp" line="+163"/>
        <source>The %1 starts with a byte order mark, which some JSON parsers refuse</source>
        <translation>Die %1 beginnt mit einer Byte-Order-Mark, die manche JSON-Parser ablehnen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 is not valid UTF-8 at byte %2</source>
        <translation>Die %1 ist an Byte %2 kein gültiges UTF-8</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+442"/>
        <source>The %1 is empty</source>
        <translation>Die %1 ist leer</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>unexpected %1 after the end of the JSON value</source>
        <translation>unerwartet nach dem Ende des JSON-Werts: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>end of text</source>
        <translation>Textende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line break</source>
        <translation>Zeilenumbruch</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>byte 0x%1</source>
        <translation>Byte 0x%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 ends too early: %2</source>
        <translation>Die %1 endet zu früh: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 is refused: %2</source>
        <translation>Die %1 wird abgelehnt: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 is not valid JSON: %2</source>
        <translation>Die %1 ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a value is missing at the end</source>
        <translation>am Ende fehlt ein Wert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>values are nested more than %1 levels deep</source>
        <translation>Werte sind tiefer als %1 Ebenen verschachtelt</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>unexpected %1: expected a value</source>
        <translation>unerwartet: %1; erwartet wurde ein Wert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unexpected word &apos;%1&apos;: expected a value (a string in double quotes, a number, true, false, null, an object or an array)</source>
        <translation>unerwartetes Wort &apos;%1&apos;; erwartet wurde ein Wert (ein String in doppelten Anführungszeichen, eine Zahl, true, false, null, ein Objekt oder ein Array)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a number is cut off</source>
        <translation>eine Zahl ist abgeschnitten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a number may not have leading zeros</source>
        <translation>eine Zahl darf keine führenden Nullen haben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected %1: expected a digit</source>
        <translation>unerwartet: %1; erwartet wurde eine Ziffer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected %1: expected a digit after the decimal point</source>
        <translation>unerwartet: %1; erwartet wurde eine Ziffer nach dem Dezimalpunkt</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected %1: expected a digit in the exponent</source>
        <translation>unerwartet: %1; erwartet wurde eine Ziffer im Exponenten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a \u escape is cut off</source>
        <translation>ein \u-Escape ist abgeschnitten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected %1: a \u escape needs four hexadecimal digits</source>
        <translation>unerwartet: %1; ein \u-Escape braucht vier Hexadezimalziffern</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a string contains a raw control character (%1); write it as an escape such as \n</source>
        <translation>ein String enthält ein unmaskiertes Steuerzeichen (%1); schreiben Sie es als Escape-Sequenz wie \n</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>unknown escape &apos;\%1&apos; in a string</source>
        <translation>unbekanntes Escape &apos;\%1&apos; in einem String</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the string that starts at line %1, column %2 is not closed</source>
        <translation>der String, der in Zeile %1, Spalte %2 beginnt, ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+17"/>
        <location line="+13"/>
        <source>an object is not closed</source>
        <translation>ein Objekt ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>unexpected &apos;}&apos; after &apos;,&apos;: JSON allows no trailing comma</source>
        <translation>unerwartetes &apos;}&apos; nach &apos;,&apos;: JSON erlaubt kein abschließendes Komma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected %1: expected a key in double quotes</source>
        <translation>unerwartet: %1; erwartet wurde ein Schlüssel in doppelten Anführungszeichen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected %1: expected &apos;:&apos; after the key &quot;%2&quot;</source>
        <translation>unerwartet: %1; erwartet wurde &apos;:&apos; nach dem Schlüssel &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unexpected %1: expected &apos;,&apos; or &apos;}&apos; after the value of &quot;%2&quot;</source>
        <translation>unerwartet: %1; erwartet wurde &apos;,&apos; oder &apos;}&apos; nach dem Wert von &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unexpected &apos;]&apos; after &apos;,&apos;: JSON allows no trailing comma</source>
        <translation>unerwartetes &apos;]&apos; nach &apos;,&apos;: JSON erlaubt kein abschließendes Komma</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an array is not closed</source>
        <translation>ein Array ist nicht geschlossen</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected %1: expected &apos;,&apos; or &apos;]&apos; in an array</source>
        <translation>unerwartet: %1; erwartet wurde &apos;,&apos; oder &apos;]&apos; in einem Array</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The %1 is %2 bytes; the hub refuses bodies over %3 bytes (64 KB) with 413 Request Entity Too Large</source>
        <translation>Die %1 ist %2 Bytes groß; der Hub lehnt Bodys über %3 Bytes (64 KB) mit 413 Request Entity Too Large ab</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 payload</source>
        <translation>%1-Payload</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 must be a JSON object ({…}), not %2</source>
        <translation>Die %1 muss ein JSON-Objekt ({…}) sein, nicht %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The value of &quot;%1&quot; must be a string, not %2; write it in quotes</source>
        <translation>Der Wert von &quot;%1&quot; muss ein String sein, nicht %2; setzen Sie ihn in Anführungszeichen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 is %2 bytes; the hub accepts it, but %3 refuses payloads over %4 bytes, so the delivery will fail</source>
        <translation>Die %1 ist %2 Bytes groß; der Hub akzeptiert sie, aber %3 lehnt Payloads über %4 Bytes ab, daher wird die Zustellung fehlschlagen</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A platform header has no name</source>
        <translation>Ein Plattform-Header hat keinen Namen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The header name &quot;%1&quot; is not a valid HTTP field name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only)</source>
        <translation>Der Header-Name &quot;%1&quot; ist kein gültiger HTTP-Feldname (nur Buchstaben, Ziffern und !#$%&amp;&apos;*+-.^_`|~)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The header %1 is set by nhconsole from the target, schedule and connection; remove it from the platform headers</source>
        <translation>Den Header %1 setzt nhconsole anhand von Ziel, Zeitplan und Verbindung; entfernen Sie ihn aus den Plattform-Headern</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header %1 has no value</source>
        <translation>Der Header %1 hat keinen Wert</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The value of header %1 contains a line break or control character at position %2</source>
        <translation>Der Wert des Headers %1 enthält an Position %2 einen Zeilenumbruch oder ein Steuerzeichen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The %1 is %2 bytes, more than the %3 bytes accepted</source>
        <translation>Die %1 ist %2 Bytes groß, mehr als die akzeptierten %3 Bytes</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a boolean</source>
        <translation>ein boolescher Wert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation>ein String</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+11"/>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The %1 nests elements more than %2 levels deep</source>
        <translation>Die %1 verschachtelt Elemente tiefer als %2 Ebenen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The %1 has no root element</source>
        <translation>Die %1 hat kein Wurzelelement</translation>
    </message>
</context>
<context>
    <name>Nh::Pkcs12</name>
    <message>
        <location filename="../../core/protocol/pkcs12.cpp" line="+202"/>
        <location line="+81"/>
        <source>The certificate is empty</source>
        <translation>Das Zertifikat ist leer</translation>
    </message>
    <message>
        <location line="-77"/>
        <source>The certificate is not a PKCS#12 (.p12) file</source>
        <translation>Das Zertifikat ist keine PKCS#12-Datei (.p12)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The certificate&apos;s password (CertificateKey) does not open the .p12 file</source>
        <translation>Das Kennwort des Zertifikats (CertificateKey) öffnet die .p12-Datei nicht</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The .p12 file cannot be decrypted: it may use older encryption (RC2, 3DES) and OpenSSL&apos;s legacy provider is not installed</source>
        <translation>Die .p12-Datei kann nicht entschlüsselt werden: Sie verwendet möglicherweise eine ältere Verschlüsselung (RC2, 3DES), und der Legacy-Provider von OpenSSL ist nicht installiert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The .p12 file cannot be decrypted with this password</source>
        <translation>Die .p12-Datei kann mit diesem Kennwort nicht entschlüsselt werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The .p12 file holds no certificate</source>
        <translation>Die .p12-Datei enthält kein Zertifikat</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The certificate is not valid base64 at position %1</source>
        <translation>Das Zertifikat ist an Position %1 kein gültiges Base64</translation>
    </message>
</context>
<context>
    <name>Nh::Platform</name>
    <message>
        <location filename="../../core/protocol/platform.cpp" line="+114"/>
        <source>Apple (APNs)</source>
        <translation>Apple (APNs)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase (FCM v1)</source>
        <translation>Firebase (FCM v1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase legacy (GCM)</source>
        <translation>Firebase Legacy (GCM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows (WNS)</source>
        <translation>Windows (WNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows Phone (MPNS)</source>
        <translation>Windows Phone (MPNS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon (ADM)</source>
        <translation>Amazon (ADM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baidu</source>
        <translation>Baidu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browser (Web Push)</source>
        <translation>Browser (Web Push)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xiaomi</source>
        <translation>Xiaomi</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>Nh::Profile</name>
    <message>
        <location filename="../../core/store/profile.cpp" line="+129"/>
        <source>A profile needs a name.</source>
        <translation>Ein Profil braucht einen Namen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile name “%1…” is %2 characters long; the limit is %3.</source>
        <translation>Der Profilname „%1…“ ist %2 Zeichen lang; das Limit ist %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The profile name has a line break or control character at position %1.</source>
        <translation>Der Profilname enthält an Position %1 einen Zeilenumbruch oder ein Steuerzeichen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profile “%1” has no endpoint host; paste the connection string of its namespace.</source>
        <translation>Profil „%1“ hat keinen Endpunkt-Host; fügen Sie die Verbindungszeichenfolge seines Namespace ein.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The endpoint host “%1” of profile “%2” is not a host name.</source>
        <translation>Der Endpunkt-Host „%1“ von Profil „%2“ ist kein Host-Name.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The port %1 of profile “%2” is not between 1 and 65535.</source>
        <translation>Der Port %1 von Profil „%2“ liegt nicht zwischen 1 und 65535.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profile “%1”: %2.</source>
        <translation>Profil „%1“: %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile “%1” has no SAS rule name (SharedAccessKeyName).</source>
        <translation>Profil „%1“ hat keinen Namen der Zugriffsregel (SharedAccessKeyName).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SAS rule name of profile “%1” is %2 characters long; the limit is 256.</source>
        <translation>Der Name der Zugriffsregel von Profil „%1“ ist %2 Zeichen lang; das Limit ist 256.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The SAS rule name of profile “%1” has the character &apos;%2&apos; at position %3; rule names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Der Name der Zugriffsregel von Profil „%1“ enthält an Position %3 das Zeichen &apos;%2&apos;; Regelnamen bestehen aus Buchstaben, Ziffern, &apos;.&apos;, &apos;-&apos; und &apos;_&apos;.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The API version “%1” of profile “%2” is not a version like 2020-06.</source>
        <translation>Die API-Version „%1“ von Profil „%2“ ist keine Version wie 2020-06.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The timeout of profile “%1” is %2 ms; it must be between %3 and %4 ms.</source>
        <translation>Die Zeitüberschreitung von Profil „%1“ beträgt %2 ms; sie muss zwischen %3 und %4 ms liegen.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Profile “%1”: the default tag expression is not valid. %2</source>
        <translation>Profil „%1“: Der Standard-Tag-Ausdruck ist ungültig. %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The label of profile “%1” is %2 characters long; the limit is %3.</source>
        <translation>Die Bezeichnung von Profil „%1“ ist %2 Zeichen lang; das Limit ist %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The label of profile “%1” has a line break or control character at position %2.</source>
        <translation>Die Bezeichnung von Profil „%1“ enthält an Position %2 einen Zeilenumbruch oder ein Steuerzeichen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The colour “%1” of profile “%2” is not of the form #rrggbb.</source>
        <translation>Die Farbe „%1“ von Profil „%2“ hat nicht die Form #rrggbb.</translation>
    </message>
</context>
<context>
    <name>Nh::ProfileModel</name>
    <message>
        <location filename="../../core/models/profilemodel.cpp" line="+94"/>
        <source>%1: the local emulator, hub “%2”</source>
        <translation>%1: der lokale Emulator, Hub „%2“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: hub “%2” at %3, rule %4</source>
        <translation>%1: Hub „%2“ unter %3, Regel %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Production hub: sends reach real devices.</source>
        <translation>Produktions-Hub: Sendungen erreichen echte Geräte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key is kept in memory for this run only.</source>
        <translation>Der Schlüssel wird nur für diese Sitzung im Speicher gehalten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Emulator</source>
        <translation>Emulator</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>(running emulator)</source>
        <translation>(laufender Emulator)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SAS rule</source>
        <translation>SAS-Regel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
</context>
<context>
    <name>Nh::ProfileSession</name>
    <message>
        <location filename="../../core/client/profilesession.cpp" line="+58"/>
        <source>The bundled emulator is not running.</source>
        <translation>Der mitgelieferte Emulator läuft nicht.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The emulator has no SAS rule named “%1”; its rules are %2.</source>
        <translation>Der Emulator hat keine Zugriffsregel namens „%1“; seine Zugriffsregeln sind %2.</translation>
    </message>
</context>
<context>
    <name>Nh::ProfileStore</name>
    <message>
        <location filename="../../core/store/profilestore.cpp" line="+95"/>
        <source>There is no profile “%1”. The profiles are: %2.</source>
        <translation>Es gibt kein Profil „%1“. Die Profile sind: %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The settings file %1 could not be written; check that its folder exists and is writable.</source>
        <translation>Die Einstellungsdatei %1 konnte nicht geschrieben werden; prüfen Sie, ob ihr Ordner existiert und beschreibbar ist.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A profile with the id %1 exists already.</source>
        <translation>Ein Profil mit der ID %1 existiert bereits.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+43"/>
        <source>There is a profile named “%1” already; profile names must be unique.</source>
        <translation>Es gibt bereits ein Profil namens „%1“; Profilnamen müssen eindeutig sein.</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The profile “%1” does not exist (any more).</source>
        <translation>Das Profil „%1“ existiert nicht (mehr).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profile “%1” cannot change between hub and emulator; create a new profile instead.</source>
        <translation>Profil „%1“ kann nicht zwischen Hub und Emulator wechseln; erstellen Sie stattdessen ein neues Profil.</translation>
    </message>
    <message>
        <location filename="../../core/store/profilejobs.cpp" line="+130"/>
        <location line="+31"/>
        <location line="+47"/>
        <location line="+45"/>
        <location filename="../../core/store/profilestore.cpp" line="+28"/>
        <source>The profile %1 does not exist (any more).</source>
        <translation>Das Profil %1 existiert nicht (mehr).</translation>
    </message>
    <message>
        <location filename="../../core/store/profilestore.cpp" line="+38"/>
        <source>The hub name “%1” is taken from the connection string&apos;s EntityPath.</source>
        <translation>Der Hub-Name „%1“ stammt aus dem EntityPath der Verbindungszeichenfolge.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enter the hub name: a connection string names the namespace and a SAS rule, not the hub.</source>
        <translation>Geben Sie den Hub-Namen ein: Eine Verbindungszeichenfolge nennt den Namespace und eine SAS-Regel, nicht den Hub.</translation>
    </message>
    <message>
        <location filename="../../core/store/profilecodec.cpp" line="+297"/>
        <source>This file contains SAS keys in plain text. Anyone who has it can send to these hubs. Keep it safe and delete it once it is imported.</source>
        <translation>Diese Datei enthält SAS-Schlüssel im Klartext. Jeder, der sie besitzt, kann an diese Hubs senden. Bewahren Sie sie sicher auf und löschen Sie sie, sobald sie importiert ist.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The profile file is empty.</source>
        <translation>Die Profildatei ist leer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile file is %1 bytes long; at most %2 bytes are read.</source>
        <translation>Die Profildatei ist %1 Byte lang; es werden höchstens %2 Byte gelesen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The profile file is not valid JSON at position %1: %2.</source>
        <translation>Die Profildatei ist an Position %1 kein gültiges JSON: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The profile file does not hold a JSON object at the top.</source>
        <translation>Die Profildatei enthält auf oberster Ebene kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an nhconsole profile export: its “format” is “%1”, expected “%2”.</source>
        <translation>Dies ist kein nhconsole-Profilexport: Sein „format“ ist „%1“, erwartet wurde „%2“.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The profile file has no “version” number.</source>
        <translation>Die Profildatei hat keine „version“-Nummer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile file has version %1; this nhconsole reads version %2. Update nhconsole to import it.</source>
        <translation>Die Profildatei hat Version %1; dieses nhconsole liest Version %2. Aktualisieren Sie nhconsole, um sie zu importieren.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The profile file has no “profiles” list.</source>
        <translation>Die Profildatei hat keine „profiles“-Liste.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile file lists %1 profiles; at most %2 are imported.</source>
        <translation>Die Profildatei listet %1 Profile auf; höchstens %2 werden importiert.</translation>
    </message>
    <message>
        <location filename="../../core/store/profilejobs.cpp" line="-189"/>
        <source>Profile “%1” needs its SAS key: paste the connection string of the namespace.</source>
        <translation>Profil „%1“ benötigt seinen SAS-Schlüssel: Fügen Sie die Verbindungszeichenfolge des Namespace ein.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+65"/>
        <source>The key of profile “%1” is not base64; copy it again from the portal.</source>
        <translation>Der Schlüssel von Profil „%1“ ist kein Base64; kopieren Sie ihn erneut aus dem Portal.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Profile “%1” is an emulator profile; the emulator gives its key.</source>
        <translation>Profil „%1“ ist ein Emulator-Profil; der Emulator stellt seinen Schlüssel bereit.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Profile “%1” has no key in the keychain, so its copy “%2” has none either; paste the connection string to add one.</source>
        <translation>Profil „%1“ hat keinen Schlüssel im Schlüsselbund, daher hat auch seine Kopie „%2“ keinen; fügen Sie die Verbindungszeichenfolge ein, um einen hinzuzufügen.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>“%1” is built in and cannot be deleted; you can rename or edit it.</source>
        <translation>„%1“ ist eingebaut und kann nicht gelöscht werden; Sie können es umbenennen oder bearbeiten.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Profile “%1” was not deleted. %2</source>
        <translation>Profil „%1“ wurde nicht gelöscht. %2</translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>The export contains the SAS keys of %n profile(s) in plain text. Anyone who has the file can send to these hubs; keep it safe and delete it once it is imported.</source>
        <translation>
            <numerusform>Der Export enthält die SAS-Schlüssel von %n Profil im Klartext. Jeder, der die Datei besitzt, kann an diese Hubs senden; bewahren Sie sie sicher auf und löschen Sie sie, sobald sie importiert ist.</numerusform>
            <numerusform>Der Export enthält die SAS-Schlüssel von %n Profilen im Klartext. Jeder, der die Datei besitzt, kann an diese Hubs senden; bewahren Sie sie sicher auf und löschen Sie sie, sobald sie importiert ist.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Profile “%1” has no key in the keychain; it is exported without one.</source>
        <translation>Profil „%1“ hat keinen Schlüssel im Schlüsselbund; es wird ohne Schlüssel exportiert.</translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n profile(s) were imported, but %1 of their keys could not be stored. %2</source>
        <translation>
            <numerusform>%n Profil wurde importiert, aber bei %1 davon konnte der Schlüssel nicht gespeichert werden. %2</numerusform>
            <numerusform>%n Profile wurden importiert, aber bei %1 davon konnte der Schlüssel nicht gespeichert werden. %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nh::ProfileTransfer</name>
    <message>
        <location filename="../../ui/profiletransfer.cpp" line="+41"/>
        <source>Profile exports (*.json);;All files (*)</source>
        <translation>Profilexporte (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Profiles</source>
        <translation>Profile exportieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Profiles</source>
        <translation>Profile importieren</translation>
    </message>
</context>
<context>
    <name>Nh::ProfilesCommand</name>
    <message>
        <location filename="../../core/cli/profilescommand.cpp" line="+27"/>
        <source>(running emulator)</source>
        <translation>(laufender Emulator)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>add: a short label shown next to the name (PROD, staging).</source>
        <translation>add: eine kurze Bezeichnung, die neben dem Namen angezeigt wird (PROD, staging).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add: the colour of the profile, #rrggbb.</source>
        <translation>add: die Farbe des Profils, #rrggbb.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add: mark the hub as production (the GUI asks before sending to it).</source>
        <translation>add: den Hub als Produktion kennzeichnen (die GUI fragt nach, bevor sie an ihn sendet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add: the format the composer starts with.</source>
        <translation>add: das Format, mit dem der Editor startet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add: the tag expression the composer starts with.</source>
        <translation>add: der Tag-Ausdruck, mit dem der Editor startet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>add: the API version (default 2020-06).</source>
        <translation>add: die API-Version (Standard 2020-06).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>export: include the SAS keys from the keychain, in plain text.</source>
        <translation>export: die SAS-Schlüssel aus dem Schlüsselbund im Klartext einschließen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>export: write to FILE instead of standard output.</source>
        <translation>export: in FILE statt in die Standardausgabe schreiben.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>List, add, show, remove, import and export the saved connection profiles.</source>
        <translation>Die gespeicherten Verbindungsprofile auflisten, hinzufügen, anzeigen, entfernen, importieren und exportieren.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The connection profiles the desktop console uses: their settings live in the user&apos;s configuration, their SAS keys only in the OS keychain.

  list                 every profile
  show NAME            one profile, and whether its key is in the keychain
  add NAME             a profile from the hub connection: the connection string from --connection-string - (standard input), @FILE or NH_CONNECTION_STRING (+ NH_SAS_KEY), the hub from --hub, NH_HUB or its EntityPath
  remove NAME          the profile and its keychain entry
  import FILE|-        profiles from an export (names made unique)
  export [NAME...]     all or the named profiles as JSON; without --with-keys the file holds no key

Examples:
  printf &apos;%s\n&apos; &quot;$CS&quot; | nhcli profiles add Orders --hub orders --connection-string - --label PROD --production
  nhcli profiles export --output profiles.json
  nhcli send --profile Orders --format apple --tags sports</source>
        <translation>Die Verbindungsprofile, die die Desktop-Konsole verwendet: Ihre Einstellungen liegen in der Konfiguration des Benutzers, ihre SAS-Schlüssel nur im Schlüsselbund des Betriebssystems.

  list                 alle Profile
  show NAME            ein Profil und ob sein Schlüssel im Schlüsselbund liegt
  add NAME             ein Profil aus der Hub-Verbindung: die Verbindungszeichenfolge aus --connection-string - (Standardeingabe), @FILE oder NH_CONNECTION_STRING (+ NH_SAS_KEY), der Hub aus --hub, NH_HUB oder dem EntityPath der Zeichenfolge
  remove NAME          das Profil und seinen Eintrag im Schlüsselbund
  import FILE|-        Profile aus einem Export (Namen werden eindeutig gemacht)
  export [NAME...]     alle oder die genannten Profile als JSON; ohne --with-keys enthält die Datei keinen Schlüssel

Beispiele:
  printf &apos;%s\n&apos; &quot;$CS&quot; | nhcli profiles add Orders --hub orders --connection-string - --label PROD --production
  nhcli profiles export --output profiles.json
  nhcli send --profile Orders --format apple --tags sports</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>profiles %1 takes one %2.</source>
        <translation>profiles %1 erwartet genau ein Argument: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name an action: profiles list|show|add|remove|import|export. Run nhcli profiles --help for more.</source>
        <translation>Geben Sie eine Aktion an: profiles list|show|add|remove|import|export. Mehr dazu zeigt nhcli profiles --help.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown action &apos;%1&apos;; use list, show, add, remove, import or export.</source>
        <translation>Unbekannte Aktion „%1“; verwenden Sie list, show, add, remove, import oder export.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>profiles list takes no arguments.</source>
        <translation>profiles list erwartet keine Argumente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>file (or - for standard input)</source>
        <translation>Datei (oder - für die Standardeingabe)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>profile name</source>
        <translation>Profilname</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ENDPOINT</source>
        <translation>ENDPUNKT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HUB</source>
        <translation>HUB</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RULE</source>
        <translation>ZUGRIFFSREGEL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LABEL</source>
        <translation>BEZEICHNUNG</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hub</source>
        <translation>Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS rule</source>
        <translation>SAS-Zugriffsregel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>API version</source>
        <translation>API-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none (the emulator gives its key)</source>
        <translation>keiner (der Emulator stellt seinen Schlüssel bereit)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stored in the keychain</source>
        <translation>im Schlüsselbund gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not stored; add the profile again to store it</source>
        <translation>nicht gespeichert; fügen Sie das Profil erneut hinzu, um ihn zu speichern</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>profiles add needs the hub connection: --connection-string - with the string on standard input, --connection-string @FILE, or NH_CONNECTION_STRING; and --hub NAME unless the string has an EntityPath.</source>
        <translation>profiles add benötigt die Hub-Verbindung: --connection-string - mit der Zeichenfolge auf der Standardeingabe, --connection-string @FILE oder NH_CONNECTION_STRING; dazu --hub NAME, sofern die Zeichenfolge keinen EntityPath enthält.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unknown --format &apos;%1&apos;.</source>
        <translation>Unbekanntes --format „%1“.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Added profile “%1” (%2, hub %3); its key is in the keychain.</source>
        <translation>Profil „%1“ hinzugefügt (%2, Hub %3); sein Schlüssel liegt im Schlüsselbund.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Removed profile “%1” and its key.</source>
        <translation>Profil „%1“ und sein Schlüssel wurden entfernt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>profiles import</source>
        <translation>profiles import</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Imported %n profile(s): %1.</source>
        <translation>
            <numerusform>%n Profil importiert: %1.</numerusform>
            <numerusform>%n Profile importiert: %1.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The file %1 cannot be written: %2.</source>
        <translation>Die Datei %1 kann nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file %1 could not be written completely: %2.</source>
        <translation>Die Datei %1 konnte nicht vollständig geschrieben werden: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n profile(s) to %1, WITH their keys in plain text.</source>
        <translation>
            <numerusform>%n Profil nach %1 exportiert, MIT seinem Schlüssel im Klartext.</numerusform>
            <numerusform>%n Profile nach %1 exportiert, MIT ihren Schlüsseln im Klartext.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Exported %n profile(s) to %1, without keys.</source>
        <translation>
            <numerusform>%n Profil nach %1 exportiert, ohne Schlüssel.</numerusform>
            <numerusform>%n Profile nach %1 exportiert, ohne Schlüssel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nh::ReachPlan</name>
    <message>
        <location filename="../../core/client/reachplan.cpp" line="+146"/>
        <source>every registration of the hub</source>
        <translation>alle Registrierungen des Hubs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registrations tagged %1</source>
        <translation>die Registrierungen mit dem Tag %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registrations with handle %1</source>
        <translation>die Registrierungen mit dem Handle %1</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Nh::ReachQuery</name>
    <message>
        <location filename="../../core/client/reachquery.cpp" line="+80"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
</context>
<context>
    <name>Nh::RegistrationCoverage</name>
    <message>
        <location filename="../../core/client/registrationcoverage.cpp" line="+50"/>
        <source>Only the first %1 registrations were counted.</source>
        <translation>Nur die ersten %1 Registrierungen wurden gezählt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Counting the registrations was cancelled; coverage was not checked.</source>
        <translation>Das Zählen der Registrierungen wurde abgebrochen; die Abdeckung wurde nicht geprüft.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registrations could not be read (%1); coverage was not checked.</source>
        <translation>Die Registrierungen konnten nicht gelesen werden (%1); die Abdeckung wurde nicht geprüft.</translation>
    </message>
</context>
<context>
    <name>Nh::RegistrationFeed</name>
    <message>
        <location filename="../../core/protocol/registrationfeed.cpp" line="+164"/>
        <source>Entry %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The entry&apos;s etag attribute &apos;%1&apos; is not of the form W/&quot;n&quot;</source>
        <translation>Das etag-Attribut „%1“ des Eintrags hat nicht die Form W/&quot;n&quot;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The entry&apos;s date &apos;%1&apos; was not understood</source>
        <translation>Das Datum „%1“ des Eintrags wurde nicht verstanden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The entry has no registration description in its &lt;content&gt;</source>
        <translation>Der Eintrag hat keine Registrierungsbeschreibung in seinem &lt;content&gt;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A second element &lt;%1&gt; in &lt;content&gt; was ignored</source>
        <translation>Ein zweites Element &lt;%1&gt; in &lt;content&gt; wurde ignoriert</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The &lt;RegistrationDescription&gt; has no i:type attribute naming its kind</source>
        <translation>Die &lt;RegistrationDescription&gt; hat kein i:type-Attribut, das ihre Art angibt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown registration description kind &lt;%1&gt;</source>
        <translation>Unbekannte Art der Registrierungsbeschreibung &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;%1&gt; is not a registration description</source>
        <translation>&lt;%1&gt; ist keine Registrierungsbeschreibung</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The element &lt;%1&gt; in namespace %2 was ignored</source>
        <translation>Das Element &lt;%1&gt; im Namespace %2 wurde ignoriert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The element &lt;%1&gt; is not part of a %2 and was ignored</source>
        <translation>Das Element &lt;%1&gt; gehört nicht zu %2 und wurde ignoriert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The element &lt;%1&gt; appears twice in &lt;%2&gt;</source>
        <translation>Das Element &lt;%1&gt; kommt in &lt;%2&gt; zweimal vor</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The &lt;ETag&gt; value &apos;%1&apos; is not a whole number</source>
        <translation>Der &lt;ETag&gt;-Wert „%1“ ist keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The &lt;ExpirationTime&gt; value &apos;%1&apos; is not an ISO 8601 date-time</source>
        <translation>Der &lt;ExpirationTime&gt;-Wert „%1“ ist kein ISO-8601-Datum mit Uhrzeit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The &lt;Tags&gt; value &apos;%1&apos; (line %2) has spaces or empty items; they were removed, but clients split tags on &apos;,&apos; only: write &apos;%3&apos;</source>
        <translation>Der &lt;Tags&gt;-Wert „%1“ (Zeile %2) enthält Leerzeichen oder leere Einträge; sie wurden entfernt, aber Clients trennen Tags nur an &apos;,&apos;: Schreiben Sie „%3“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The handle element &lt;%1&gt; of &lt;%2&gt; is empty</source>
        <translation>Das Handle-Element &lt;%1&gt; von &lt;%2&gt; ist leer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The &lt;BodyTemplate&gt; of &lt;%1&gt; is empty</source>
        <translation>Das &lt;BodyTemplate&gt; von &lt;%1&gt; ist leer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The &lt;%1&gt; has no &lt;%2&gt; element</source>
        <translation>&lt;%1&gt; hat kein &lt;%2&gt;-Element</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The template registration &lt;%1&gt; has no &lt;BodyTemplate&gt; element</source>
        <translation>Die Vorlagenregistrierung &lt;%1&gt; hat kein &lt;BodyTemplate&gt;-Element</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+22"/>
        <source>The element &lt;%1&gt; in &lt;%2&gt; was ignored</source>
        <translation>Das Element &lt;%1&gt; in &lt;%2&gt; wurde ignoriert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A &lt;%1&gt; has no &lt;Header&gt; name</source>
        <translation>Ein &lt;%1&gt; hat keinen &lt;Header&gt;-Namen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Entry %1 was left out: unknown registration kind &lt;%2&gt;</source>
        <translation>Eintrag %1 wurde ausgelassen: unbekannte Registrierungsart &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+356"/>
        <source>registration entry</source>
        <translation>Registrierungseintrag</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expected an Atom &lt;entry&gt; or a registration description, found &lt;%1&gt;</source>
        <translation>Erwartet wurde ein Atom-&lt;entry&gt; oder eine Registrierungsbeschreibung, gefunden wurde &lt;%1&gt;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>registration feed</source>
        <translation>Registrierungs-Feed</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected an Atom &lt;feed&gt; of registrations, found &lt;%1&gt;</source>
        <translation>Erwartet wurde ein Atom-&lt;feed&gt; mit Registrierungen, gefunden wurde &lt;%1&gt;</translation>
    </message>
</context>
<context>
    <name>Nh::RegistrationModel</name>
    <message>
        <location filename="../../core/models/registrationmodel.cpp" line="+127"/>
        <source>%1 template</source>
        <translation>%1-Vorlage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration id</source>
        <translation>Registrierungs-ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation>Vorlage</translation>
    </message>
</context>
<context>
    <name>Nh::RegistrationPager</name>
    <message>
        <location filename="../../core/client/registrationpager.cpp" line="+51"/>
        <source>The hub returned the continuation token &apos;%1&apos; a second time; paging stopped here rather than read the same pages again</source>
        <translation>Der Hub hat das Fortsetzungstoken „%1“ ein zweites Mal geliefert; das Blättern endet hier, statt dieselben Seiten noch einmal zu lesen</translation>
    </message>
</context>
<context>
    <name>Nh::RenderedPayload</name>
    <message>
        <location filename="../../core/protocol/renderedpayload.cpp" line="+84"/>
        <source>Empty: the send has no property %1.</source>
        <translation>Leer: Die Sendung hat keine Eigenschaft %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the property %1 was sent empty.</source>
        <translation>Leer: Die Eigenschaft %1 wurde leer gesendet.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>A native registration: a template send does not reach it.</source>
        <translation>Eine native Registrierung: Eine Vorlagen-Sendung erreicht sie nicht.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+6"/>
        <source>Its template does not parse: %1</source>
        <translation>Ihre Vorlage kann nicht geparst werden: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header %1 renders empty. %2</source>
        <translation>Der Header %1 bleibt leer. %2</translation>
    </message>
</context>
<context>
    <name>Nh::RequestLint</name>
    <message>
        <location filename="../../core/client/requestlint.cpp" line="+56"/>
        <source>The send has no ServiceBusNotification-Format header: the hub refuses it with 400. Set it to the payload&apos;s format (template, apple, fcmv1, …).</source>
        <translation>Die Sendung hat keinen ServiceBusNotification-Format-Header: Der Hub lehnt sie mit 400 ab. Setzen Sie ihn auf das Format der Payload (template, apple, fcmv1, …).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ServiceBusNotification-Format is &quot;%1&quot;, which is no format the hub knows; it expects template, apple, fcmv1, gcm, windows, windowsphone, adm, baidu, browser or xiaomi.</source>
        <translation>ServiceBusNotification-Format ist „%1“, ein Format, das der Hub nicht kennt; erwartet wird template, apple, fcmv1, gcm, windows, windowsphone, adm, baidu, browser oder xiaomi.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 payload is one the hub or the platform refuses: %2.</source>
        <translation>Die %1-Payload wird vom Hub oder von der Plattform abgelehnt: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub takes this %1 payload, but: %2.</source>
        <translation>Der Hub nimmt diese %1-Payload an, aber: %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The SAS token had expired %1 s before the request (se = %2): sign a fresh token for each request, and check the clocks.</source>
        <translation>Das SAS-Token war %1 s vor der Anfrage abgelaufen (se = %2): Signieren Sie für jede Anfrage ein neues Token, und prüfen Sie die Uhren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SAS token expires %1 s after the request (se = %2): a retry or a slow client will get 401 ExpiredToken. Give it a longer lifetime or sign per request.</source>
        <translation>Das SAS-Token läuft %1 s nach der Anfrage ab (se = %2): Eine Wiederholung oder ein langsamer Client erhält 401 ExpiredToken. Geben Sie ihm eine längere Lebensdauer, oder signieren Sie pro Anfrage.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The SAS token is signed for &quot;%1&quot;, which does not cover %2: sign it for the namespace or the hub URI.</source>
        <translation>Das SAS-Token ist für „%1“ signiert, was %2 nicht abdeckt: Signieren Sie es für den Namespace oder den Hub-URI.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The send reached no registration (Success 0, Failure 0): the hub has none for this format.</source>
        <translation>Die Sendung hat keine Registrierung erreicht (Erfolg 0, Fehlschlag 0): Der Hub hat keine für dieses Format.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The tag expression &quot;%1&quot; reached no registration (Success 0, Failure 0).</source>
        <translation>Der Tag-Ausdruck „%1“ hat keine Registrierung erreicht (Erfolg 0, Fehlschlag 0).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>401 Unauthorized: %1</source>
        <translation>401 Unauthorized: %1</translation>
    </message>
</context>
<context>
    <name>Nh::SasToken</name>
    <message>
        <location filename="../../core/protocol/sastoken.cpp" line="+167"/>
        <source>The Authorization header is empty</source>
        <translation>Der Authorization-Header ist leer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected a space after &apos;SharedAccessSignature&apos; at position %1</source>
        <translation>Nach &apos;SharedAccessSignature&apos; wurde an Position %1 ein Leerzeichen erwartet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The Authorization scheme is &apos;%1&apos;, not SharedAccessSignature</source>
        <translation>Das Authorization-Schema ist &apos;%1&apos;, nicht SharedAccessSignature</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expected name=value at position %1 of the token, found &apos;%2&apos;</source>
        <translation>An Position %1 des Tokens wurde name=value erwartet, gefunden wurde &apos;%2&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The token has &apos;%1&apos; twice (position %2)</source>
        <translation>Das Token enthält &apos;%1&apos; zweimal (Position %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The token&apos;s &apos;%1&apos; at position %2 is empty</source>
        <translation>&apos;%1&apos; im Token an Position %2 ist leer</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token&apos;s signature (sig at position %1) is not base64</source>
        <translation>Die Signatur des Tokens (sig an Position %1) ist kein Base64</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token&apos;s expiry (se at position %1) is &apos;%2&apos;, not a number of seconds since 1970</source>
        <translation>Der Ablauf des Tokens (se an Position %1) ist &apos;%2&apos;, keine Anzahl Sekunden seit 1970</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token has no &apos;%1&apos; field; expected sr, sig, se and skn</source>
        <translation>Dem Token fehlt das Feld &apos;%1&apos;; erwartet werden sr, sig, se und skn</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>InvalidSignature: The token has an invalid signature.</source>
        <translation>InvalidSignature: Das Token hat eine ungültige Signatur.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ExpiredToken: The token expired at %1 (%2 seconds ago).</source>
        <translation>ExpiredToken: Das Token ist am %1 abgelaufen (vor %2 Sekunden).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>InvalidAudience: The token audience &apos;%1&apos; does not grant access to &apos;%2&apos;.</source>
        <translation>InvalidAudience: Die Audience &apos;%1&apos; des Tokens gewährt keinen Zugriff auf &apos;%2&apos;.</translation>
    </message>
</context>
<context>
    <name>Nh::SecretStore</name>
    <message>
        <location filename="../../core/store/secretstore.cpp" line="+32"/>
        <source>no details given</source>
        <translation>keine Angaben</translation>
    </message>
    <message>
        <location line="+239"/>
        <source>The key of profile “%1” is kept in memory for this run only, because no keychain is available (%2). It is gone when nhconsole exits.</source>
        <translation>Der Schlüssel von Profil „%1“ wird nur für diese Sitzung im Speicher gehalten, weil kein Schlüsselbund verfügbar ist (%2). Er geht verloren, wenn nhconsole beendet wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because the keychain is locked (%2). It is gone when nhconsole exits.</source>
        <translation>Der Schlüssel von Profil „%1“ wird nur für diese Sitzung im Speicher gehalten, weil der Schlüsselbund gesperrt ist (%2). Er geht verloren, wenn nhconsole beendet wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because access to the keychain was denied (%2). It is gone when nhconsole exits.</source>
        <translation>Der Schlüssel von Profil „%1“ wird nur für diese Sitzung im Speicher gehalten, weil der Zugriff auf den Schlüsselbund verweigert wurde (%2). Er geht verloren, wenn nhconsole beendet wird.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because the keychain reported an error (%2). It is gone when nhconsole exits.</source>
        <translation>Der Schlüssel von Profil „%1“ wird nur für diese Sitzung im Speicher gehalten, weil der Schlüsselbund einen Fehler gemeldet hat (%2). Er geht verloren, wenn nhconsole beendet wird.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The key of profile “%1” is no longer kept in memory, but the keychain could not be reached (%2), so a key saved there in an earlier run may remain.</source>
        <translation>Der Schlüssel von Profil „%1“ wird nicht mehr im Speicher gehalten, aber der Schlüsselbund war nicht erreichbar (%2); ein dort in einer früheren Sitzung gespeicherter Schlüssel kann daher noch vorhanden sein.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No key is stored in the keychain for profile “%1”. Paste its connection string again to store the key.</source>
        <translation>Im Schlüsselbund ist für Profil „%1“ kein Schlüssel gespeichert. Fügen Sie seine Verbindungszeichenfolge erneut ein, um den Schlüssel zu speichern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No keychain is available, so the key of profile “%1” cannot be read (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation>Kein Schlüsselbund verfügbar, daher kann der Schlüssel von Profil „%1“ nicht gelesen werden (%2). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet und versuchen Sie es erneut, oder fügen Sie die Verbindungszeichenfolge erneut ein und halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain is available, so the key of profile “%1” cannot be saved (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again, or keep the key in memory for this run only.</source>
        <translation>Kein Schlüsselbund verfügbar, daher kann der Schlüssel von Profil „%1“ nicht gespeichert werden (%2). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet und versuchen Sie es erneut, oder halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available, so the key of profile “%1” cannot be removed from it (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again.</source>
        <translation>Kein Schlüsselbund verfügbar, daher kann der Schlüssel von Profil „%1“ nicht daraus entfernt werden (%2). Starten Sie einen Secret Service wie GNOME Keyring oder KWallet und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be read (%2). Unlock the keyring (for example in Passwords and Keys) and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher kann der Schlüssel von Profil „%1“ nicht gelesen werden (%2). Entsperren Sie den Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“) und versuchen Sie es erneut, oder fügen Sie die Verbindungszeichenfolge erneut ein und halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be saved (%2). Unlock the keyring (for example in Passwords and Keys) and try again, or keep the key in memory for this run only.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher kann der Schlüssel von Profil „%1“ nicht gespeichert werden (%2). Entsperren Sie den Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“) und versuchen Sie es erneut, oder halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be removed (%2). Unlock the keyring (for example in Passwords and Keys) and try again.</source>
        <translation>Der Schlüsselbund ist gesperrt, daher kann der Schlüssel von Profil „%1“ nicht entfernt werden (%2). Entsperren Sie den Schlüsselbund (zum Beispiel in „Passwörter und Verschlüsselung“) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be read (%2). Allow nhconsole to use the keychain and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert, daher kann der Schlüssel von Profil „%1“ nicht gelesen werden (%2). Erlauben Sie nhconsole, den Schlüsselbund zu verwenden, und versuchen Sie es erneut, oder fügen Sie die Verbindungszeichenfolge erneut ein und halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be saved (%2). Allow nhconsole to use the keychain and try again, or keep the key in memory for this run only.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert, daher kann der Schlüssel von Profil „%1“ nicht gespeichert werden (%2). Erlauben Sie nhconsole, den Schlüsselbund zu verwenden, und versuchen Sie es erneut, oder halten Sie den Schlüssel nur für diese Sitzung im Speicher.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be removed (%2). Allow nhconsole to use the keychain and try again.</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde verweigert, daher kann der Schlüssel von Profil „%1“ nicht entfernt werden (%2). Erlauben Sie nhconsole, den Schlüsselbund zu verwenden, und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain could not read the key of profile “%1”: %2.</source>
        <translation>Der Schlüsselbund konnte den Schlüssel von Profil „%1“ nicht lesen: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain could not save the key of profile “%1”: %2.</source>
        <translation>Der Schlüsselbund konnte den Schlüssel von Profil „%1“ nicht speichern: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain could not remove the key of profile “%1”: %2.</source>
        <translation>Der Schlüsselbund konnte den Schlüssel von Profil „%1“ nicht entfernen: %2.</translation>
    </message>
</context>
<context>
    <name>Nh::SelfSignedCertificate</name>
    <message>
        <location filename="../../core/emulator/selfsignedcert.cpp" line="+39"/>
        <source>Could not create the certificate: %1</source>
        <translation>Das Zertifikat konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>EC P-256 key generation failed</source>
        <translation>Erzeugen des EC-P-256-Schlüssels fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>X509_new failed</source>
        <translation>X509_new fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>adding the X.509 extensions failed</source>
        <translation>Hinzufügen der X.509-Erweiterungen fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signing failed</source>
        <translation>Signieren fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM encoding failed</source>
        <translation>PEM-Codierung fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The certificate is not a PEM X.509 certificate</source>
        <translation>Das Zertifikat ist kein PEM-X.509-Zertifikat</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Could not create the folder %1</source>
        <translation>Der Ordner %1 konnte nicht erstellt werden</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write the emulator certificate to %1</source>
        <translation>Das Emulator-Zertifikat konnte nicht nach %1 geschrieben werden</translation>
    </message>
</context>
<context>
    <name>Nh::SendCommand</name>
    <message>
        <location filename="../../core/cli/sendcommand.cpp" line="+78"/>
        <source>The ServiceBusNotification-Format: %1 (default: template).</source>
        <translation>Das ServiceBusNotification-Format: %1 (Standard: template).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body: TEXT, @FILE or - (standard input). Default: the format&apos;s default preset.</source>
        <translation>Der Inhalt: TEXT, @FILE oder - (Standardeingabe). Standard: die Standard-Voreinstellung des Formats.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A template property NAME=VALUE (repeatable); builds a template body.</source>
        <translation>Eine Vorlageneigenschaft NAME=VALUE (wiederholbar); erzeugt einen Vorlageninhalt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to a tag or tag expression (ServiceBusNotification-Tags).</source>
        <translation>An ein Tag oder einen Tag-Ausdruck senden (ServiceBusNotification-Tags).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send directly to a PNS handle; repeat for a direct batch (up to 1000).</source>
        <translation>Direkt an ein PNS-Handle senden; für einen direkten Stapel wiederholen (bis zu 1000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to every registration of the format.</source>
        <translation>An jede Registrierung des Formats senden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A platform header NAME:VALUE (repeatable), e.g. apns-push-type:alert.</source>
        <translation>Ein Plattform-Header NAME:VALUE (wiederholbar), z. B. apns-push-type:alert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule the send (Standard tier): 2026-01-31T12:00:00 (UTC), ISO 8601 with Z or an offset, or +30s/+10m/+2h/+1d from now.</source>
        <translation>Die Sendung planen (Standard-Tarif): 2026-01-31T12:00:00 (UTC), ISO 8601 mit Z oder einem Offset, oder +30s/+10m/+2h/+1d ab jetzt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A real send: without the test flag the hub answers without an outcome.</source>
        <translation>Eine echte Sendung: Ohne das Test-Flag antwortet der Hub ohne Ergebnis.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send N times and print a summary (sends/s, latency, errors).</source>
        <translation>N-mal senden und eine Zusammenfassung ausgeben (Sendungen/s, Latenz, Fehler).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --repeat: sends in flight at once (default 1).</source>
        <translation>Mit --repeat: gleichzeitig laufende Sendungen (Standard 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send with a saved profile (name or id; see nhcli profiles): its endpoint, hub and the key from the OS keychain.</source>
        <translation>Mit einem gespeicherten Profil senden (Name oder ID; siehe nhcli profiles): dessen Endpunkt, Hub und der Schlüssel aus dem Schlüsselbund des Betriebssystems.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the exchanges to this history file (default: the desktop console&apos;s).</source>
        <translation>Die Austausche in diese Verlaufsdatei schreiben (Standard: die der Desktop-Konsole).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not write the exchanges to the history.</source>
        <translation>Die Austausche nicht in den Verlauf schreiben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template sends: do not fetch the reached template registrations to warn about missing properties.</source>
        <translation>Vorlagen-Sendungen: die erreichten Vorlagenregistrierungen nicht abrufen und daher nicht vor fehlenden Eigenschaften warnen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Template sends: do not send when a reached template registration uses a property the send does not have (exit 3).</source>
        <translation>Vorlagen-Sendungen: nicht senden, wenn eine erreichte Vorlagenregistrierung eine Eigenschaft verwendet, die die Sendung nicht hat (Exit-Status 3).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send a notification (a test send by default) and show request and outcome.</source>
        <translation>Eine Benachrichtigung senden (standardmäßig eine Testsendung) und Anfrage und Ergebnis anzeigen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends one notification to the hub, by default with the test flag so that the hub answers with the outcome of every registration it reached (at most 10), and shows the request headers next to the parsed outcome. Exactly one target is required: --tags, --handle or --broadcast.

A template send to tags or to everyone first reads the hub&apos;s first %1 registrations, and warns on stderr (or under propertyCheck with --json), per reached template registration, about the properties its template uses that the send does not have (the hub renders them as empty text), and about properties that no reached template uses. The send still happens, unless --require-properties; --no-property-check skips the check.

Examples:
  nhcli send --format apple --tags &apos;sports &amp;&amp; !lang:fr&apos;
  nhcli send --template greeting_en=Hello --tags user:alice
  nhcli send --format fcmv1 --payload @msg.json --handle TOKEN --no-test
  nhcli send --format apple --broadcast --repeat 1000 --concurrency 16</source>
        <translation>Sendet eine Benachrichtigung an den Hub, standardmäßig mit dem Test-Flag, damit der Hub mit dem Ergebnis jeder erreichten Registrierung antwortet (höchstens 10), und zeigt die Anfrage-Header neben dem ausgewerteten Ergebnis an. Genau ein Ziel ist erforderlich: --tags, --handle oder --broadcast.

Eine Vorlagen-Sendung an Tags oder an alle liest zuerst die ersten %1 Registrierungen des Hubs und warnt für jede erreichte Vorlagenregistrierung auf stderr (oder mit --json unter propertyCheck) vor den Eigenschaften, die ihre Vorlage verwendet, die Sendung aber nicht hat (der Hub erzeugt sie als leeren Text), und vor Eigenschaften, die keine erreichte Vorlage verwendet. Gesendet wird trotzdem, außer mit --require-properties; --no-property-check überspringt die Prüfung.

Beispiele:
  nhcli send --format apple --tags &apos;sports &amp;&amp; !lang:fr&apos;
  nhcli send --template greeting_en=Hello --tags user:alice
  nhcli send --format fcmv1 --payload @msg.json --handle TOKEN --no-test
  nhcli send --format apple --broadcast --repeat 1000 --concurrency 16</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Unknown --format &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekanntes --format „%1“; verwenden Sie eines von: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give either --payload or --template properties, not both.</source>
        <translation>Geben Sie entweder --payload oder --template-Eigenschaften an, nicht beides.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--template builds a template body; it cannot be sent as --format %1.</source>
        <translation>--template erzeugt einen Vorlageninhalt; er kann nicht als --format %1 gesendet werden.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--template expects NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--template erwartet NAME=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Say who receives the send: --tags EXPR, --handle HANDLE (repeat for a batch) or --broadcast.</source>
        <translation>Geben Sie an, wer die Sendung empfängt: --tags EXPR, --handle HANDLE (für einen Stapel wiederholen) oder --broadcast.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give only one of --tags, --handle and --broadcast.</source>
        <translation>Geben Sie nur eines von --tags, --handle und --broadcast an.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--header expects NAME:VALUE, not &apos;%1&apos;.</source>
        <translation>--header erwartet NAME:VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--schedule expects 2026-01-31T12:00:00 (UTC), an ISO 8601 time with Z or an offset, or +30s/+10m/+2h/+1d, not &apos;%1&apos;.</source>
        <translation>--schedule erwartet 2026-01-31T12:00:00 (UTC), eine ISO-8601-Zeit mit Z oder einem Offset, oder +30s/+10m/+2h/+1d, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--%1 takes a whole number from 1 to %2, not &apos;%3&apos;.</source>
        <translation>--%1 erwartet eine ganze Zahl von 1 bis %2, nicht „%3“.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--concurrency only applies with --repeat.</source>
        <translation>--concurrency gilt nur zusammen mit --repeat.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>send takes no arguments (&apos;%1&apos;); the payload goes in --payload.</source>
        <translation>send nimmt keine Argumente an („%1“); die Payload gehört in --payload.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give either --history or --no-history, not both.</source>
        <translation>Geben Sie entweder --history oder --no-history an, nicht beides.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Give either --profile or --connection-string, not both.</source>
        <translation>Geben Sie entweder --profile oder --connection-string an, nicht beides.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The exchange is not written to the history: %1</source>
        <translation>Der Austausch wird nicht in den Verlauf geschrieben: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Give either --no-property-check or --require-properties, not both.</source>
        <translation>Geben Sie entweder --no-property-check oder --require-properties an, nicht beides.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled before sending.</source>
        <translation>Vor dem Senden abgebrochen.</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Not sent (--require-properties): %n reached template registration(s) use properties the send does not have.</source>
        <translation>
            <numerusform>Nicht gesendet (--require-properties): %n erreichte Vorlagenregistrierung verwendet Eigenschaften, die die Sendung nicht hat.</numerusform>
            <numerusform>Nicht gesendet (--require-properties): %n erreichte Vorlagenregistrierungen verwenden Eigenschaften, die die Sendung nicht hat.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+114"/>
        <source>%1/%2 sent, %3 failed, %4 sends/s</source>
        <translation>%1/%2 gesendet, %3 fehlgeschlagen, %4 Sendungen/s</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>%1 of %2 %3 in %4 s (concurrency %5)</source>
        <translation>%1 von %2 %3 in %4 s (Parallelität %5)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>test sends</source>
        <translation>Testsendungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sends</source>
        <translation>Sendungen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 sends/s · latency p50 %2 ms · p99 %3 ms · min %4 ms · max %5 ms</source>
        <translation>%1 Sendungen/s · Latenz p50 %2 ms · p99 %3 ms · min %4 ms · max %5 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Results: %1</source>
        <translation>Ergebnisse: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First failure:</source>
        <translation>Erste fehlgeschlagene Sendung:</translation>
    </message>
</context>
<context>
    <name>Nh::TagExpression</name>
    <message>
        <location filename="../../core/protocol/tagexpression.cpp" line="+122"/>
        <source>Invalid character %1 at position %2 in a tag: valid tag characters are alphanumeric, _, @, -, ., : and #</source>
        <translation>Ungültiges Zeichen %1 an Position %2 in einem Tag: Gültige Tag-Zeichen sind alphanumerische Zeichen, _, @, -, ., : und #</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (to target any of several tags, join them with &apos;||&apos;)</source>
        <translation> (um eines von mehreren Tags anzusprechen, verbinden Sie sie mit &apos;||&apos;)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tag &apos;%1&apos; at position %2 contains non-ASCII characters: the service accepts them, but some SDKs (iOS) refuse them</source>
        <translation>Das Tag &apos;%1&apos; an Position %2 enthält Nicht-ASCII-Zeichen: Der Dienst akzeptiert sie, aber manche SDKs (iOS) lehnen sie ab</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tag at position %1 is %2 characters long; the limit is %3</source>
        <translation>Das Tag an Position %1 ist %2 Zeichen lang; das Limit ist %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tags can not start with $. The tag at position %1 is neither $InstallationId:{id} nor $UserId:{id}, the only system tags</source>
        <translation>Tags dürfen nicht mit $ beginnen. Das Tag an Position %1 ist weder $InstallationId:{id} noch $UserId:{id}, die einzigen System-Tags</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>System tag at position %1 needs braces around its id, not square brackets: write %2</source>
        <translation>Das System-Tag an Position %1 braucht geschweifte Klammern um seine ID, keine eckigen: Schreiben Sie %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System tag at position %1 needs braces around its id: write %2</source>
        <translation>Das System-Tag an Position %1 braucht geschweifte Klammern um seine ID: Schreiben Sie %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Invalid character %1 at position %2 in the id of a system tag: valid id characters are alphanumeric, _, @, -, ., :, # and =</source>
        <translation>Ungültiges Zeichen %1 an Position %2 in der ID eines System-Tags: Gültige ID-Zeichen sind alphanumerische Zeichen, _, @, -, ., :, # und =</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System tag at position %1 has no closing &apos;}&apos;</source>
        <translation>Dem System-Tag an Position %1 fehlt das schließende &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System tag at position %1 has an empty id</source>
        <translation>Das System-Tag an Position %1 hat eine leere ID</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid character %1 at position %2 after the closing &apos;}&apos; of a system tag</source>
        <translation>Ungültiges Zeichen %1 an Position %2 nach dem schließenden &apos;}&apos; eines System-Tags</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tags can not start with $. The tag at position %1 does; system tags such as $InstallationId:{id} are added by the service</source>
        <translation>Tags dürfen nicht mit $ beginnen. Das Tag an Position %1 tut das; System-Tags wie $InstallationId:{id} fügt der Dienst selbst hinzu</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Single &apos;&amp;&apos; at position %1: use &apos;&amp;&amp;&apos;</source>
        <translation>Einzelnes &apos;&amp;&apos; an Position %1: Verwenden Sie &apos;&amp;&amp;&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Single &apos;|&apos; at position %1: use &apos;||&apos;</source>
        <translation>Einzelnes &apos;|&apos; an Position %1: Verwenden Sie &apos;||&apos;</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>tag &apos;%1&apos;</source>
        <translation>Tag &apos;%1&apos;</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unexpected end of expression at position %1: %2</source>
        <translation>Unerwartetes Ende des Ausdrucks an Position %1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected %1 at position %2: %3</source>
        <translation>Unerwartetes %1 an Position %2: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The expression is nested too deeply at position %1: at most %2 levels of &apos;(&apos; and &apos;!&apos; are allowed</source>
        <translation>Der Ausdruck ist an Position %1 zu tief verschachtelt: Höchstens %2 Ebenen von &apos;(&apos; und &apos;!&apos; sind erlaubt</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The tag expression is empty</source>
        <translation>Der Tag-Ausdruck ist leer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unexpected &apos;)&apos; at position %1: there is no matching &apos;(&apos;</source>
        <translation>Unerwartetes &apos;)&apos; an Position %1: Es gibt kein passendes &apos;(&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected &apos;&amp;&amp;&apos;, &apos;||&apos; or the end of the expression</source>
        <translation>erwartet wurde &apos;&amp;&amp;&apos;, &apos;||&apos; oder das Ende des Ausdrucks</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The expression is nested too deeply at position %1: at most %2 operators may enclose one another (&apos;&amp;&amp;&apos; binding tighter than &apos;||&apos; counts as a level)</source>
        <translation>Der Ausdruck ist an Position %1 zu tief verschachtelt: höchstens %2 Operatoren dürfen einander umschließen (ein &apos;&amp;&amp;&apos;, das stärker bindet als &apos;||&apos;, zählt als eine Ebene)</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&apos;&amp;&amp;&apos; and &apos;||&apos; are mixed without parentheses at position %1: the service does not document their precedence; nhconsole reads this as %2</source>
        <translation>&apos;&amp;&amp;&apos; und &apos;||&apos; sind an Position %1 ohne Klammern gemischt: Der Dienst dokumentiert ihre Rangfolge nicht; nhconsole liest dies als %2</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Unclosed &apos;(&apos; at position %1</source>
        <translation>Nicht geschlossenes &apos;(&apos; an Position %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected &apos;&amp;&amp;&apos;, &apos;||&apos; or &apos;)&apos;</source>
        <translation>erwartet wurde &apos;&amp;&amp;&apos;, &apos;||&apos; oder &apos;)&apos;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a tag or &apos;(&apos;</source>
        <translation>erwartet wurde ein Tag oder &apos;(&apos;</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The expression has %1 tags; the service allows at most %2 in an expression that uses only &apos;||&apos;. The first tag over the limit is at position %3</source>
        <translation>Der Ausdruck hat %1 Tags; der Dienst erlaubt höchstens %2 in einem Ausdruck, der nur &apos;||&apos; verwendet. Das erste Tag über dem Limit steht an Position %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression has %1 tags; the service allows at most %2 when &apos;&amp;&amp;&apos; or &apos;!&apos; is used (%3 with only &apos;||&apos;). The first tag over the limit is at position %4</source>
        <translation>Der Ausdruck hat %1 Tags; der Dienst erlaubt höchstens %2, wenn &apos;&amp;&amp;&apos; oder &apos;!&apos; verwendet wird (%3 nur mit &apos;||&apos;). Das erste Tag über dem Limit steht an Position %4</translation>
    </message>
    <message>
        <location line="+168"/>
        <source>The tag is empty</source>
        <translation>Das Tag ist leer</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Empty tag at position %1 of the tag list: remove the extra &apos;,&apos;</source>
        <translation>Leeres Tag an Position %1 der Tag-Liste: Entfernen Sie das überzählige &apos;,&apos;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Spaces around tag &apos;%1&apos; at position %2 were removed: SDKs split tags on &apos;,&apos; without trimming, so write the list without spaces</source>
        <translation>Leerzeichen um das Tag &apos;%1&apos; an Position %2 wurden entfernt: SDKs trennen Tags an &apos;,&apos;, ohne Leerzeichen zu entfernen; schreiben Sie die Liste also ohne Leerzeichen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tag &apos;%1&apos; at position %2 repeats an earlier tag</source>
        <translation>Das Tag &apos;%1&apos; an Position %2 wiederholt ein früheres Tag</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The list has %1 tags; the documented limit is %2 per registration (the service may accept more)</source>
        <translation>Die Liste hat %1 Tags; das dokumentierte Limit ist %2 pro Registrierung (der Dienst akzeptiert eventuell mehr)</translation>
    </message>
</context>
<context>
    <name>Nh::TemplateDocument</name>
    <message>
        <location filename="../../core/protocol/templatedocument.cpp" line="+54"/>
        <source>body template</source>
        <translation>Body-Vorlage</translation>
    </message>
    <message>
        <location line="+461"/>
        <source>Invalid payload format. Either Json object or valid Xml are allowed: the body template starts with %1, expected &apos;{&apos; or &apos;&lt;&apos;</source>
        <translation>Ungültiges Payload-Format. Erlaubt sind nur ein JSON-Objekt oder gültiges XML: Die Body-Vorlage beginnt mit %1, erwartet wurde &apos;{&apos; oder &apos;&lt;&apos;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
</context>
<context>
    <name>Nh::TemplateExpression</name>
    <message>
        <location filename="../../core/protocol/templateexpression.cpp" line="+81"/>
        <source>the end of the value</source>
        <translation>das Ende des Werts</translation>
    </message>
    <message>
        <location line="+257"/>
        <source>Error is it contains an invalid token: nothing at position %1, expected $(name), .(name, n), %(name), #(name) or a quoted literal</source>
        <translation>Der Ausdruck enthält ein ungültiges Token: nichts an Position %1, erwartet wurde $(name), .(name, n), %(name), #(name) oder ein Literal in Anführungszeichen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error is it contains an invalid token: %1 at position %2 is too short, expected $(name), .(name, n), %(name), #(name) or a quoted literal</source>
        <translation>Der Ausdruck enthält ein ungültiges Token: %1 an Position %2 ist zu kurz, erwartet wurde $(name), .(name, n), %(name), #(name) oder ein Literal in Anführungszeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token has to begin with one of these characters . % &apos; &quot; $ #: found %1 at position %2</source>
        <translation>Ein Token muss mit einem dieser Zeichen beginnen . % &apos; &quot; $ #: Gefunden wurde %1 an Position %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (typographic quotes do not delimit literals: use &apos; or &quot;)</source>
        <translation> (typografische Anführungszeichen begrenzen keine Literale: Verwenden Sie &apos; oder &quot;)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The character following $ or . or % should be a (: found %1 at position %2</source>
        <translation>Das Zeichen nach $ oder . oder % sollte ein ( sein: Gefunden wurde %1 an Position %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Missing closing parentheses: the term at position %1 has no &apos;)&apos;</source>
        <translation>Fehlende schließende Klammer: Dem Term an Position %1 fehlt das &apos;)&apos;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Missing property name before the default value at position %1</source>
        <translation>Fehlender Eigenschaftsname vor dem Standardwert an Position %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The default value at position %1 has no closing &apos;}&apos;</source>
        <translation>Dem Standardwert an Position %1 fehlt das schließende &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression %(prop , n) is not valid: %() and #() take no length (position %1)</source>
        <translation>Der Ausdruck %(prop , n) ist ungültig: %() und #() nehmen keine Länge an (Position %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error trying to parse for .(prop , n) format: the term at position %1 needs a length, as in .(title, 20)</source>
        <translation>Fehler beim Parsen des Formats .(prop , n): Der Term an Position %1 braucht eine Länge, wie in .(title, 20)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a positive integer (position %2): expected a number of characters</source>
        <translation>%1 ist keine positive ganze Zahl (Position %2): Erwartet wurde eine Anzahl von Zeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Literal is missing closing notation: the %1 at position %2 is never closed</source>
        <translation>Dem Literal fehlt das schließende Zeichen: Das Zeichen %1 an Position %2 wird nie geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Only valid composition operator is +: found %1 at position %2, expected &apos;+&apos; or the end of the expression</source>
        <translation>Der einzige gültige Verknüpfungsoperator ist +: Gefunden wurde %1 an Position %2, erwartet wurde &apos;+&apos; oder das Ende des Ausdrucks</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Token type &apos;#(prop)&apos; is not allowed in composite expression (position %1)</source>
        <translation>Der Token-Typ &apos;#(prop)&apos; ist in einem zusammengesetzten Ausdruck nicht erlaubt (Position %1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Error is closing parenthesis is missing: the expression starts with &apos;{&apos; but ends with %1 at position %2, expected &apos;}&apos;</source>
        <translation>Die schließende Klammer fehlt: Der Ausdruck beginnt mit &apos;{&apos;, endet aber mit %1 an Position %2, erwartet wurde &apos;}&apos;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Property name is empty at position %1: only ASCII-7 alphanumeric characters and &apos;_&apos; are permitted in the property name</source>
        <translation>Der Eigenschaftsname an Position %1 ist leer: Im Eigenschaftsnamen sind nur alphanumerische ASCII-7-Zeichen und &apos;_&apos; erlaubt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Property name is %1 at position %2: only ASCII-7 alphanumeric characters and &apos;_&apos; are permitted in the property name</source>
        <translation>Der Eigenschaftsname an Position %2 lautet %1: Im Eigenschaftsnamen sind nur alphanumerische ASCII-7-Zeichen und &apos;_&apos; erlaubt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Property name at position %1 is of length %2. Maximum allowed length is %3</source>
        <translation>Der Eigenschaftsname an Position %1 hat die Länge %2. Die maximal zulässige Länge ist %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expression type &apos;$body&apos; is not supported (position %1)</source>
        <translation>Der Ausdruckstyp &apos;$body&apos; wird nicht unterstützt (Position %1)</translation>
    </message>
</context>
<context>
    <name>Nh::TemplateLinter</name>
    <message>
        <location filename="../../core/protocol/templatelinter.cpp" line="+135"/>
        <source>Use straight quotes: %1</source>
        <translation>Verwenden Sie gerade Anführungszeichen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use $() in a concatenation: %1</source>
        <translation>Verwenden Sie $() in einer Verkettung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If this is text, make it a quoted literal: %1</source>
        <translation>Wenn dies Text ist, machen Sie daraus ein Literal in Anführungszeichen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Quote the text and join the parts with +: %1</source>
        <translation>Setzen Sie den Text in Anführungszeichen und verbinden Sie die Teile mit +: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The white space before the expression at %1 makes the whole value a literal: it is sent as written</source>
        <translation>Der Leerraum vor dem Ausdruck in %1 macht den ganzen Wert zu einem Literal: Er wird so gesendet, wie er geschrieben ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove the leading white space: %1</source>
        <translation>Entfernen Sie den führenden Leerraum: %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 at %2 is sent literally: only the first character decides whether a value is an expression</source>
        <translation>%1 in %2 wird wörtlich gesendet: Nur das erste Zeichen entscheidet, ob ein Wert ein Ausdruck ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the value as a concatenation: %1</source>
        <translation>Schreiben Sie den Wert als Verkettung: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Typographic quotes at %1 do not delimit literals (the documentation&apos;s own example uses them)</source>
        <translation>Typografische Anführungszeichen in %1 begrenzen keine Literale (das Beispiel der Dokumentation selbst verwendet sie)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use &apos; or &quot; instead of ‘ ’ “ ”</source>
        <translation>Verwenden Sie &apos; oder &quot; statt ‘ ’ “ ”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The concatenation at %1 has no braces: the SDK accepts it, the documentation requires {…} (the service&apos;s handling is unconfirmed)</source>
        <translation>Die Verkettung in %1 hat keine geschweiften Klammern: Das SDK akzeptiert sie, die Dokumentation verlangt {…} (wie der Dienst sie behandelt, ist nicht bestätigt)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wrap it in braces: %1</source>
        <translation>Setzen Sie sie in geschweifte Klammern: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inside braces, #(%1) at %2 renders a string, never a number</source>
        <translation>In geschweiften Klammern ergibt #(%1) in %2 eine Zeichenkette, nie eine Zahl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the braces: #(%1)</source>
        <translation>Entfernen Sie die geschweiften Klammern: #(%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The default value of %1 at %2 is undocumented: the SDK accepts it, what the service does with it is unconfirmed</source>
        <translation>Der Standardwert von %1 in %2 ist nicht dokumentiert: Das SDK akzeptiert ihn, was der Dienst damit macht, ist nicht bestätigt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the property instead of relying on :{…}</source>
        <translation>Senden Sie die Eigenschaft mit, statt sich auf :{…} zu verlassen</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+34"/>
        <source>Write the body as a JSON object: {…}</source>
        <translation>Schreiben Sie den Body als JSON-Objekt: {…}</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Write the body as XML (&lt;toast&gt;…&lt;/toast&gt;) or a JSON object</source>
        <translation>Schreiben Sie den Body als XML (&lt;toast&gt;…&lt;/toast&gt;) oder als JSON-Objekt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 stands where XML expects a name: the hub evaluates only attribute values and element text</source>
        <translation>%1 steht dort, wo XML einen Namen erwartet: Der Hub wertet nur Attributwerte und Elementtext aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move it into an attribute value: name=&quot;%1&quot;</source>
        <translation>Verschieben Sie den Ausdruck in einen Attributwert: name=&quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Template body has to be JSON for %1</source>
        <translation>Für %1 muss der Body der Vorlage JSON sein</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The template name exceeds the &apos;%1&apos; character limit: it has %2</source>
        <translation>Der Vorlagenname überschreitet das Limit von &apos;%1&apos; Zeichen: Er hat %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shorten the template name</source>
        <translation>Kürzen Sie den Vorlagennamen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>WNS header &apos;%1&apos; is null or empty.</source>
        <translation>Der WNS-Header &apos;%1&apos; ist null oder leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MPNS header &apos;%1&apos; is null or empty.</source>
        <translation>Der MPNS-Header &apos;%1&apos; ist null oder leer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give %1 a value or remove it</source>
        <translation>Geben Sie %1 einen Wert, oder entfernen Sie den Header</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The key &quot;%1&quot; contains %2: keys are sent as written, never evaluated</source>
        <translation>Der Schlüssel &quot;%1&quot; enthält %2: Schlüssel werden so gesendet, wie sie geschrieben sind, und nie ausgewertet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a fixed key and put the expression in its value</source>
        <translation>Verwenden Sie einen festen Schlüssel und setzen Sie den Ausdruck in seinen Wert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The FCM v1 template has no &quot;message&quot; object: Google refuses the rendered payload, and the outcome is still a success at the hub</source>
        <translation>Die FCM-v1-Vorlage hat kein &quot;message&quot;-Objekt: Google lehnt die erzeugte Payload ab, und beim Hub ist das Ergebnis trotzdem ein Erfolg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrap the body: {&quot;message&quot;:{…}}</source>
        <translation>Umschließen Sie den Body: {&quot;message&quot;:{…}}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a string: FCM v1 &quot;data&quot; allows only string values</source>
        <translation>%1 ist keine Zeichenkette: FCM v1 erlaubt in &quot;data&quot; nur Zeichenkettenwerte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote the value</source>
        <translation>Setzen Sie den Wert in Anführungszeichen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>#() at %1 renders a number when the property is numeric: FCM v1 &quot;data&quot; allows only string values</source>
        <translation>#() in %1 ergibt eine Zahl, wenn die Eigenschaft numerisch ist: FCM v1 erlaubt in &quot;data&quot; nur Zeichenkettenwerte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use $(%1) instead</source>
        <translation>Verwenden Sie stattdessen $(%1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Must contain WNS Header : &apos;X-WNS-Type&apos;. The .NET SDK adds it from the body; other clients must send it</source>
        <translation>Der WNS-Header &apos;X-WNS-Type&apos; muss vorhanden sein. Das .NET SDK ergänzt ihn anhand des Bodys; andere Clients müssen ihn senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the header X-WNS-Type: %1</source>
        <translation>Fügen Sie den Header hinzu: X-WNS-Type: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A JSON body for WNS is only sent as a raw notification</source>
        <translation>Ein JSON-Body für WNS wird nur als Raw-Benachrichtigung gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set X-WNS-Type: wns/raw, or write the body as XML</source>
        <translation>Setzen Sie X-WNS-Type: wns/raw, oder schreiben Sie den Body als XML</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Headers on an APNs installation template were refused in 2019 and are accepted since, with no confirmed effect</source>
        <translation>Header in einer APNs-Installationsvorlage wurden 2019 abgelehnt und werden seitdem akzeptiert, ohne bestätigte Wirkung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put apns-* headers on the send, or use an APNs template registration</source>
        <translation>Geben Sie apns-*-Header bei der Sendung an, oder verwenden Sie eine APNs-Vorlagenregistrierung</translation>
    </message>
</context>
<context>
    <name>Nh::TemplatePayload</name>
    <message>
        <location filename="../../core/protocol/payloads/templatepayload.cpp" line="+36"/>
        <source>Title and body</source>
        <translation>Titel und Text</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Single message</source>
        <translation>Einzelne Nachricht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message and badge</source>
        <translation>Nachricht und Badge</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 payload</source>
        <translation>%1-Payload</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A template payload must be a flat JSON object of strings, not %1</source>
        <translation>Eine Vorlagen-Payload muss ein flaches JSON-Objekt aus Zeichenketten sein, nicht %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The template property &quot;%1&quot; must be a string, not %2: template values are strings only</source>
        <translation>Die Vorlageneigenschaft &quot;%1&quot; muss eine Zeichenkette sein, nicht %2: Vorlagenwerte sind nur Zeichenketten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The template property &quot;%1&quot; appears twice (first at line %2, column %3)</source>
        <translation>Die Vorlageneigenschaft &quot;%1&quot; kommt zweimal vor (zuerst in Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The template payload has no properties: every $(name) in the templates will be empty</source>
        <translation>Die Vorlagen-Payload hat keine Eigenschaften: Jedes $(name) in den Vorlagen bleibt leer</translation>
    </message>
</context>
<context>
    <name>Nh::TemplateRenderer</name>
    <message>
        <location filename="../../core/protocol/templaterenderer.cpp" line="+375"/>
        <source>The rendered Expiry &quot;%1&quot; is not a date-time or 0: APNs would get no valid expiry</source>
        <translation>Der erzeugte Expiry-Wert &quot;%1&quot; ist weder ein Datum mit Uhrzeit noch 0: APNs bekäme keinen gültigen Ablauf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The rendered Priority &quot;%1&quot; is not a number from 0 to 255</source>
        <translation>Der erzeugte Priority-Wert &quot;%1&quot; ist keine Zahl von 0 bis 255</translation>
    </message>
</context>
<context>
    <name>Nh::TemplateRenderingJob</name>
    <message>
        <location filename="../../core/client/templaterendering.cpp" line="+48"/>
        <source>The send&apos;s properties could not be read: %1</source>
        <translation>Die Eigenschaften der Sendung konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fetching its template…</source>
        <translation>Ihre Vorlage wird abgerufen…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Its template could not be fetched: %1</source>
        <translation>Ihre Vorlage konnte nicht abgerufen werden: %1</translation>
    </message>
</context>
<context>
    <name>Nh::TemplatesCommand</name>
    <message>
        <location filename="../../core/cli/templatescommand.cpp" line="+38"/>
        <source>%1:%2 (offset %3)</source>
        <translation>%1:%2 (Offset %3)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The template registration on the hub with this ID.</source>
        <translation>Die Vorlagenregistrierung auf dem Hub mit dieser ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A template from a file (&apos;-&apos; = standard input): a bare body (JSON or XML), or a registration description as the hub writes it.</source>
        <translation>Eine Vorlage aus einer Datei (&apos;-&apos; = Standardeingabe): ein reiner Body (JSON oder XML) oder eine Registrierungsbeschreibung, wie der Hub sie schreibt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--template-file: the platform of the body (%1). Default: from its shape (XML: wns, &apos;aps&apos;: apns, &apos;message&apos;: fcmv1).</source>
        <translation>--template-file: die Plattform des Bodys (%1). Standard: aus seiner Form (XML: wns, &apos;aps&apos;: apns, &apos;message&apos;: fcmv1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--template-file: a template header NAME:VALUE (repeatable), e.g. X-WNS-Type:wns/toast.</source>
        <translation>--template-file: ein Vorlagen-Header NAME:VALUE (wiederholbar), z. B. X-WNS-Type:wns/toast.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>render: a property NAME=VALUE (repeatable; wins over --properties-file).</source>
        <translation>render: eine Eigenschaft NAME=VALUE (wiederholbar; hat Vorrang vor --properties-file).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>render: the properties as a flat JSON object of strings, as a template send&apos;s body (&apos;-&apos; = standard input).</source>
        <translation>render: die Eigenschaften als flaches JSON-Objekt aus Zeichenketten, wie im Body einer Vorlagen-Sendung (&apos;-&apos; = Standardeingabe).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>lint: warnings fail too (exit 3). render: a property the template uses but the bag lacks fails (exit 3).</source>
        <translation>lint: Auch Warnungen führen zum Fehlschlag (Exit-Status 3). render: Eine Eigenschaft, die die Vorlage verwendet, die aber in den Eigenschaften fehlt, führt zum Fehlschlag (Exit-Status 3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--registration: read it with a saved profile (name or id; see nhcli profiles).</source>
        <translation>--registration: sie mit einem gespeicherten Profil lesen (Name oder ID; siehe nhcli profiles).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Lint a template, or render it for a set of properties.</source>
        <translation>Eine Vorlage prüfen oder den Body erzeugen, den sie für einen Satz Eigenschaften ergibt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Shows what a template registration really receives (docs/protocol.md §13).

  lint (--registration ID | --template-file F) [--platform P] [--strict]
      every finding with its position (line:column and offset), severity,
      message and a one-line fix; exit 3 when the hub would refuse the template
      (with --strict: also on warnings)
  render (--registration ID | --template-file F) [--property NAME=VALUE ...]
         [--properties-file JSON] [--strict]
      the rendered body and headers, every substitution (empty and missing ones
      marked), the missing and the unused properties and whether the platform
      accepts the payload; exit 3 when it does not (the hub&apos;s &quot;The Notification
      payload is invalid&quot;) or the template does not parse

A --template-file holds a bare body, whose platform comes from --platform or from its shape, or a registration description (an Atom entry or a *TemplateRegistrationDescription), which names its platform and headers.

Examples:
  nhcli templates lint --template-file toast.xml --header X-WNS-Type:wns/toast
  nhcli templates render --registration 8133-… --property name=Alice
  nhcli templates render --template-file aps.json --properties-file props.json --json</source>
        <translation>Zeigt, was eine Vorlagenregistrierung tatsächlich empfängt (docs/protocol.md §13).

  lint (--registration ID | --template-file F) [--platform P] [--strict]
      jeden Befund mit seiner Position (Zeile:Spalte und Offset), Schweregrad,
      Meldung und einer einzeiligen Korrektur; Exit-Status 3, wenn der Hub die
      Vorlage ablehnen würde (mit --strict: auch bei Warnungen)
  render (--registration ID | --template-file F) [--property NAME=VALUE ...]
         [--properties-file JSON] [--strict]
      den erzeugten Body und die Header, jede Ersetzung (leere und fehlende
      markiert), die fehlenden und die ungenutzten Eigenschaften und ob die
      Plattform die Payload akzeptiert; Exit-Status 3, wenn nicht (das
      &quot;The Notification payload is invalid&quot; des Hubs) oder wenn die
      Vorlage nicht geparst werden kann

Eine --template-file enthält einen reinen Body, dessen Plattform aus --platform oder aus seiner Form folgt, oder eine Registrierungsbeschreibung (einen Atom-Eintrag oder eine *TemplateRegistrationDescription), die ihre Plattform und Header nennt.

Beispiele:
  nhcli templates lint --template-file toast.xml --header X-WNS-Type:wns/toast
  nhcli templates render --registration 8133-… --property name=Alice
  nhcli templates render --template-file aps.json --properties-file props.json --json</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>templates needs an action: lint or render.</source>
        <translation>templates braucht eine Aktion: lint oder render.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown action &apos;%1&apos;: use lint or render.</source>
        <translation>Unbekannte Aktion „%1“: Verwenden Sie lint oder render.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Too many arguments for templates %1: &apos;%2&apos;.</source>
        <translation>Zu viele Argumente für templates %1: „%2“.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name the template: --registration ID or --template-file FILE (one of them).</source>
        <translation>Geben Sie die Vorlage an: --registration ID oder --template-file FILE (eines davon).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--property and --properties-file are for templates render; lint needs no properties.</source>
        <translation>--property und --properties-file gehören zu templates render; lint braucht keine Eigenschaften.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--platform and --header are for --template-file; a registration names its own.</source>
        <translation>--platform und --header gehören zu --template-file; eine Registrierung nennt ihre eigenen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--profile only applies with --registration.</source>
        <translation>--profile gilt nur zusammen mit --registration.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--registration needs a registration ID.</source>
        <translation>--registration braucht eine Registrierungs-ID.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give either --profile or --connection-string, not both.</source>
        <translation>Geben Sie entweder --profile oder --connection-string an, nicht beides.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--template-file and --properties-file cannot both read standard input.</source>
        <translation>--template-file und --properties-file können nicht beide die Standardeingabe lesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--properties-file %1: %2</source>
        <translation>--properties-file %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--property expects NAME=VALUE, not &apos;%1&apos;.</source>
        <translation>--property erwartet NAME=VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>--template-file %1 is empty.</source>
        <translation>--template-file %1 ist leer.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is a registration description, which names its platform and headers: leave out --platform and --header.</source>
        <translation>%1 ist eine Registrierungsbeschreibung, die ihre Plattform und Header selbst nennt: Lassen Sie --platform und --header weg.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--template-file %1: %2</source>
        <translation>--template-file %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 describes a native %2 registration, which has no template.</source>
        <translation>%1 beschreibt eine native %2-Registrierung, die keine Vorlage hat.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown --platform &apos;%1&apos;; use one of: %2.</source>
        <translation>Unbekannte --platform „%1“; verwenden Sie eine von: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The shape of %1 does not tell its platform (no &apos;aps&apos;, no &apos;message&apos;, not XML): give --platform (%2).</source>
        <translation>Aus der Form von %1 geht die Plattform nicht hervor (kein &apos;aps&apos;, kein &apos;message&apos;, kein XML): Geben Sie --platform an (%2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--header expects NAME:VALUE, not &apos;%1&apos;.</source>
        <translation>--header erwartet NAME:VALUE, nicht „%1“.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The hub has no registration &apos;%1&apos; (404 Not Found).</source>
        <translation>Der Hub hat keine Registrierung „%1“ (404 Not Found).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registration %1 is a native %2 registration, which has no template.</source>
        <translation>Registrierung %1 ist eine native %2-Registrierung, die keine Vorlage hat.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Template of registration %1 in %2 (%3)</source>
        <translation>Vorlage der Registrierung %1 in %2 (%3)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Template %1 (%2, from the body&apos;s shape; --platform to change)</source>
        <translation>Vorlage %1 (%2, aus der Form des Bodys; mit --platform änderbar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template %1 (%2)</source>
        <translation>Vorlage %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template of registration %1 (%2)</source>
        <translation>Vorlage der Registrierung %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>named &apos;%1&apos;</source>
        <translation>namens „%1“</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+79"/>
        <source>error:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>--strict: the template has warnings.</source>
        <translation>--strict: Die Vorlage hat Warnungen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+22"/>
        <source>The template cannot be rendered: %1</source>
        <translation>Aus der Vorlage lässt sich kein Body erzeugen: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not used by this template: %1</source>
        <translation>Von dieser Vorlage nicht verwendet: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The linter has %n warning(s) about this template: nhcli templates lint shows them.</source>
        <translation>
            <numerusform>Der Linter meldet %n Warnung zu dieser Vorlage: nhcli templates lint zeigt sie.</numerusform>
            <numerusform>Der Linter meldet %n Warnungen zu dieser Vorlage: nhcli templates lint zeigt sie.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--strict: the template uses properties that were not given: %1.</source>
        <translation>--strict: Die Vorlage verwendet Eigenschaften, die nicht angegeben wurden: %1.</translation>
    </message>
</context>
<context>
    <name>Nh::TrafficExchange</name>
    <message>
        <location filename="../../core/client/trafficexchange.cpp" line="+101"/>
        <source>The emulator sent no answer to this request.</source>
        <translation>Der Emulator hat auf diese Anfrage keine Antwort gesendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The emulator sent no answer: the fault &apos;%1&apos; was injected.</source>
        <translation>Der Emulator hat keine Antwort gesendet: Die Störung „%1“ wurde eingespeist.</translation>
    </message>
</context>
<context>
    <name>Nh::TrafficFeed</name>
    <message>
        <location filename="../../core/client/trafficfeed.cpp" line="+121"/>
        <source>The emulator at %1 answered %2 to the traffic stream (/$emulator/traffic): it may be an older nhemulator.</source>
        <translation>Der Emulator unter %1 hat auf den Datenverkehrsstrom (/$emulator/traffic) mit %2 geantwortet: Möglicherweise ist es ein älterer nhemulator.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The emulator at %1 answered %2: %3</source>
        <translation>Der Emulator unter %1 hat mit %2 geantwortet: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The traffic stream of %1 sent an answer that does not read as its JSON (an object with &quot;entries&quot; and &quot;next&quot;).</source>
        <translation>Der Datenverkehrsstrom von %1 hat eine Antwort gesendet, die sich nicht als dessen JSON lesen lässt (ein Objekt mit &quot;entries&quot; und &quot;next&quot;).</translation>
    </message>
</context>
<context>
    <name>Nh::TrafficModel</name>
    <message>
        <location filename="../../core/models/trafficmodel.cpp" line="+132"/>
        <source>Success %1, Failure %2</source>
        <translation>Erfolg %1, Fehlschlag %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n delivery(ies)</source>
        <translation>
            <numerusform>%n Zustellung</numerusform>
            <numerusform>%n Zustellungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fault: %1</source>
        <translation>Störung: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
</context>
<context>
    <name>Nh::WebPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/webpayload.cpp" line="+33"/>
        <source>The header %1 must be base64url (A–Z, a–z, 0–9, - and _); position %2 has &apos;%3&apos;</source>
        <translation>Der Header %1 muss base64url sein (A–Z, a–z, 0–9, - und _); an Position %2 steht &apos;%3&apos;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The header %1 decodes to %2 bytes; a browser subscription&apos;s key has %3</source>
        <translation>Der Header %1 ergibt dekodiert %2 Bytes; der Schlüssel eines Browser-Abonnements hat %3</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+49"/>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Notification with a link</source>
        <translation>Benachrichtigung mit Link</translation>
    </message>
</context>
<context>
    <name>Nh::WnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/wnspayload.cpp" line="+101"/>
        <source>Toast</source>
        <translation>Toast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tile</source>
        <translation>Kachel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Badge</source>
        <translation>Badge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raw</source>
        <translation>Raw</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>X-WNS-Type is %1 but the %2 is not XML; send raw content with X-WNS-Type: wns/raw</source>
        <translation>X-WNS-Type ist %1, aber die %2 ist kein XML; senden Sie Rohinhalt mit X-WNS-Type: wns/raw</translation>
    </message>
    <message>
        <location line="+15"/>
        <source> in the namespace &quot;%1&quot;</source>
        <translation> im Namespace „%1“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The root element of the %1 is &lt;%2&gt;%3; WNS accepts &lt;toast&gt;, &lt;tile&gt; or &lt;badge&gt; without a namespace, or raw content with X-WNS-Type: wns/raw</source>
        <translation>Das Wurzelelement der %1 ist &lt;%2&gt;%3; WNS akzeptiert &lt;toast&gt;, &lt;tile&gt; oder &lt;badge&gt; ohne Namespace oder Rohinhalt mit X-WNS-Type: wns/raw</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>X-WNS-Type is %1 but the root element is &lt;%2&gt;; WNS will refuse the notification</source>
        <translation>X-WNS-Type ist %1, aber das Wurzelelement ist &lt;%2&gt;; WNS wird die Benachrichtigung ablehnen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The header X-WNS-Type must be wns/toast, wns/tile, wns/badge or wns/raw, not &quot;%1&quot;</source>
        <translation>Der Header X-WNS-Type muss wns/toast, wns/tile, wns/badge oder wns/raw sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header X-WNS-Cache-Policy must be cache or no-cache, not &quot;%1&quot;</source>
        <translation>Der Header X-WNS-Cache-Policy muss cache oder no-cache sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header %1 must be true or false, not &quot;%2&quot;</source>
        <translation>Der Header %1 muss true oder false sein, nicht „%2“</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The header X-WNS-TTL must be a number of seconds, not &quot;%1&quot;</source>
        <translation>Der Header X-WNS-TTL muss eine Anzahl von Sekunden sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header X-WNS-PRIORITY must be 1, 2, 3 or 4, not &quot;%1&quot;</source>
        <translation>Der Header X-WNS-PRIORITY muss 1, 2, 3 oder 4 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The header X-WNS-Tag is %1 characters long; WNS accepts at most %2</source>
        <translation>Der Header X-WNS-Tag ist %1 Zeichen lang; WNS akzeptiert höchstens %2</translation>
    </message>
</context>
<context>
    <name>Nh::Xml</name>
    <message>
        <location filename="../../core/protocol/xmlutil.cpp" line="+192"/>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The %1 document is not well-formed XML: %2</source>
        <translation>Das %1-Dokument ist kein wohlgeformtes XML: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 document is not well-formed XML: it holds the character U+%2, which XML does not allow</source>
        <translation>Das %1-Dokument ist kein wohlgeformtes XML: Es enthält das Zeichen U+%2, das in XML nicht erlaubt ist</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 document is not well-formed XML: it does not start with &apos;&lt;&apos;</source>
        <translation>Das %1-Dokument ist kein wohlgeformtes XML: Es beginnt nicht mit &apos;&lt;&apos;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 document ends too early: %2</source>
        <translation>Das %1-Dokument endet zu früh: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 document is empty</source>
        <translation>Das %1-Dokument ist leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 document is %2 bytes, more than the %3 bytes accepted</source>
        <translation>Das %1-Dokument ist %2 Bytes groß, mehr als die akzeptierten %3 Bytes</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Expected a &lt;%1&gt; document, but the root element is &lt;%2&gt;</source>
        <translation>Erwartet wurde ein &lt;%1&gt;-Dokument, das Wurzelelement ist aber &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Elements are nested more than %1 levels deep</source>
        <translation>Elemente sind mehr als %1 Ebenen tief verschachtelt</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unexpected element &lt;%1&gt; inside &lt;%2&gt;: expected text</source>
        <translation>Unerwartetes Element &lt;%1&gt; innerhalb von &lt;%2&gt;: erwartet wurde Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 appears more than once</source>
        <translation>%1 kommt mehr als einmal vor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is empty: expected a count</source>
        <translation>%1 ist leer: erwartet wurde eine Anzahl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is &quot;%2&quot;, which is not a whole number</source>
        <translation>%1 ist „%2“, keine ganze Zahl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is &quot;%2&quot;: a count cannot be negative</source>
        <translation>%1 ist „%2“: Eine Anzahl kann nicht negativ sein</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is &quot;%2&quot;, larger than the largest count (%3)</source>
        <translation>%1 ist „%2“, größer als die größte Anzahl (%3)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The %1 document ends too early</source>
        <translation>Das %1-Dokument endet zu früh</translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <location filename="../../ui/outcomeview.cpp" line="+57"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Why? Dia&amp;gnose This Registration…</source>
        <translation>Warum? Diese Registrierung dia&amp;gnostizieren…</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Started (UTC)</source>
        <translation>Gestartet (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry-After</source>
        <translation>Retry-After</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+57"/>
        <location line="+234"/>
        <source>Registrations</source>
        <translation>Registrierungen</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>Response</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timings</source>
        <translation>Zeiten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Response&lt;/b&gt;</source>
        <translation>&lt;b&gt;Antwort&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Success &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Erfolg &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Fehlschlag &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Zustand &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification id &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>Benachrichtigungs-ID &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking id &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>Tracking-ID &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Registrations (%1)</source>
        <translation>Registrierungen (%1)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>No registration matched this format and target, so the hub reached no device.</source>
        <translation>Keine Registrierung passte zu diesem Format und Ziel, daher hat der Hub kein Gerät erreicht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub reports each registration&apos;s outcome only for test sends. Turn on Test send in the composer to see them.</source>
        <translation>Der Hub meldet das Ergebnis jeder Registrierung nur bei Testsendungen. Schalten Sie im Editor „Testsendung“ ein, um sie zu sehen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No outcome: the request did not succeed. The banner above says why; the Response tab has the hub&apos;s answer.</source>
        <translation>Kein Ergebnis: Die Anfrage war nicht erfolgreich. Das Banner oben nennt den Grund; der Reiter „Antwort“ zeigt die Antwort des Hubs.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>HTTP %1 %2</source>
        <extracomment>The response&apos;s status line, e.g. &quot;HTTP 201 Created&quot;</extracomment>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No HTTP response</source>
        <translation>Keine HTTP-Antwort</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time to first byte: &lt;b&gt;%1&lt;/b&gt; · Total: &lt;b&gt;%2&lt;/b&gt; · Attempts: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>Zeit bis zum ersten Byte: &lt;b&gt;%1&lt;/b&gt; · Gesamt: &lt;b&gt;%2&lt;/b&gt; · Versuche: &lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 delivered, %2 failed</source>
        <translation>%1 zugestellt, %2 fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The hub passed the test send to the push services of %n registration(s); each one&apos;s outcome is below.</source>
        <translation>
            <numerusform>Der Hub hat die Testsendung an die Push-Dienste von %n Registrierung übergeben; ihr Ergebnis steht unten.</numerusform>
            <numerusform>Der Hub hat die Testsendung an die Push-Dienste von %n Registrierungen übergeben; das Ergebnis jeder einzelnen steht unten.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hub accepted the notification. Only a test send says which registrations it reached.</source>
        <translation>Der Hub hat die Benachrichtigung angenommen. Nur eine Testsendung zeigt, welche Registrierungen sie erreicht hat.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The hub said: %1</source>
        <translation>Der Hub sagte: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Next:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nächster Schritt:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Hub page to see the hub&apos;s configuration</source>
        <translation>Hub-Seite öffnen, um die Konfiguration des Hubs zu sehen</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Press Send (Ctrl+Enter) to see the hub&apos;s answer here: each registration the test send reached, its outcome and what it means.</source>
        <translation>Drücken Sie Senden (Ctrl+Enter), um hier die Antwort des Hubs zu sehen: jede Registrierung, die die Testsendung erreicht hat, ihr Ergebnis und was es bedeutet.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Rendering this registration&apos;s template…</source>
        <translation>Die Payload dieser Registrierung wird aus ihrer Vorlage erzeugt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No rendered payload was kept for this registration.</source>
        <translation>Für diese Registrierung wurde keine erzeugte Payload aufbewahrt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select a registration to read its whole result here.</source>
        <translation>Wählen Sie eine Registrierung, um hier ihr ganzes Ergebnis zu lesen.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · registration &lt;tt&gt;%2&lt;/tt&gt; · handle &lt;tt&gt;%3&lt;/tt&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · Registrierung &lt;tt&gt;%2&lt;/tt&gt; · Handle &lt;tt&gt;%3&lt;/tt&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 &lt;b&gt;Next:&lt;/b&gt; %2</source>
        <translation>%1 &lt;b&gt;Nächster Schritt:&lt;/b&gt; %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why? Diagnose this registration</source>
        <translation>Warum? Diese Registrierung diagnostizieren</translation>
    </message>
</context>
<context>
    <name>PlatformCard</name>
    <message>
        <location filename="../../ui/platformcard.cpp" line="+49"/>
        <source>Configured</source>
        <translation>Konfiguriert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not configured</source>
        <translation>Nicht konfiguriert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit…</source>
        <translation>Bearbeiten…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this credential from the hub (you see the change first)</source>
        <translation>Diese Anmeldedaten vom Hub entfernen (Sie sehen die Änderung vorher)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mode: %1</source>
        <translation>Modus: %1</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Fix: %1</source>
        <translation>Korrektur: %1</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/preferencesdialog.cpp" line="+47"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light or Dark overrides the desktop&apos;s colours for nhconsole; “Follow the system” uses them again.</source>
        <translation>„Hell“ oder „Dunkel“ überschreibt die Farben des Desktops für nhconsole; „Wie das System“ verwendet sie wieder.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Colour &amp;scheme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown at once; Cancel goes back to the previous scheme.</source>
        <translation>Wird sofort angezeigt; „Abbrechen“ kehrt zum vorherigen Schema zurück.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> exchanges</source>
        <translation> Austausche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many exchanges to keep, newest first, not counting pinned ones (an exchange is one request and its response). 0 keeps them all.</source>
        <translation>Wie viele Austausche aufbewahrt werden, die neuesten zuerst, angeheftete nicht mitgezählt (ein Austausch ist eine Anfrage und ihre Antwort). 0 bewahrt alle auf.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Never</source>
        <translation>Nie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchanges sent more than this many days ago are deleted, in days (up to %1). 0 never deletes by age.</source>
        <translation>Austausche, die vor mehr als so vielen Tagen gesendet wurden, werden gelöscht, in Tagen (bis zu %1). 0 löscht nie nach Alter.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Keep at &amp;most:</source>
        <translation>&amp;Höchstens aufbewahren:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete exchanges o&amp;lder than:</source>
        <translation>Austausche &amp;löschen, die älter sind als:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New profiles</source>
        <translation>Neue Profile</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long a send may wait for data from the hub before it is given up, in seconds (%1–%2).</source>
        <translation>Wie lange ein Sendevorgang auf Daten vom Hub warten darf, bevor er aufgegeben wird, in Sekunden (%1–%2).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The api-version query parameter new profiles send, as YYYY-MM (2020-06 is the newest the hub documents).</source>
        <translation>Der Abfrageparameter api-version, den neue Profile senden, im Format YYYY-MM (2020-06 ist die neueste, die der Hub dokumentiert).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send &amp;timeout:</source>
        <translation>&amp;Zeitüberschreitung beim Senden:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default &amp;API version:</source>
        <translation>Standard-API-&amp;Version:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Profiles you add from now on start with these; every existing profile keeps its own (Edit Profile).</source>
        <translation>Profile, die Sie ab jetzt hinzufügen, beginnen mit diesen Werten; jedes bestehende Profil behält seine eigenen (Profil bearbeiten).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Puts every preference back to its default; nothing is saved before OK.</source>
        <translation>Setzt alle Einstellungen auf ihre Standardwerte zurück; vor „OK“ wird nichts gespeichert.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Pinned exchanges are always kept. The limits are stored in the history file, so nhcli keeps to them too.</source>
        <translation>Angeheftete Austausche werden immer aufbewahrt. Die Grenzen werden in der Verlaufsdatei gespeichert, daher hält sich auch nhcli daran.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No history file is open in this run (see the warning at start-up), so there is nothing to keep or delete.</source>
        <translation>In dieser Sitzung ist keine Verlaufsdatei geöffnet (siehe die Warnung beim Start), daher gibt es nichts aufzubewahren oder zu löschen.</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Default API version: enter one, as YYYY-MM (like 2020-06).</source>
        <translation>Standard-API-Version: Geben Sie eine ein, im Format YYYY-MM (wie 2020-06).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default API version: “%1” is not one; write it as YYYY-MM (like 2020-06), optionally with a day and -preview.</source>
        <translation>Standard-API-Version: „%1“ ist keine gültige Version; schreiben Sie sie im Format YYYY-MM (wie 2020-06), optional mit Tag und -preview.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Delete History?</source>
        <translation>Verlauf löschen?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The new limits delete 1 exchange from the history now.</source>
        <translation>Die neuen Grenzen löschen jetzt 1 Austausch aus dem Verlauf.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The new limits delete %1 exchanges from the history now.</source>
        <translation>Die neuen Grenzen löschen jetzt %1 Austausche aus dem Verlauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Older exchanges will be deleted from the history now.</source>
        <translation>Ältere Austausche werden jetzt aus dem Verlauf gelöscht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pinned exchanges are kept. Deleted ones cannot be restored.</source>
        <translation>Angeheftete Austausche bleiben erhalten. Gelöschte können nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete and Save</source>
        <translation>&amp;Löschen und speichern</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <location filename="../../ui/profileactions.cpp" line="+25"/>
        <source>&amp;New Profile…</source>
        <translation>&amp;Neues Profil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a hub from its connection string (Ctrl+N)</source>
        <translation>Einen Hub über seine Verbindungszeichenfolge hinzufügen (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit Profile…</source>
        <translation>Profil b&amp;earbeiten…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>D&amp;uplicate Profile</source>
        <translation>Profil &amp;duplizieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete Profile…</source>
        <translation>Profil &amp;löschen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import Profiles…</source>
        <translation>Profile &amp;importieren…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport Profiles…</source>
        <translation>Profile e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Importing profiles and storing their keys…</source>
        <translation>Profile werden importiert und ihre Schlüssel gespeichert…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The local emulator profile cannot be deleted</source>
        <translation>Das Profil des lokalen Emulators kann nicht gelöscht werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete this profile and its key</source>
        <translation>Dieses Profil und seinen Schlüssel löschen</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Copying “%1” and its key…</source>
        <translation>„%1“ und sein Schlüssel werden kopiert…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Duplicate Profile</source>
        <translation>Profil duplizieren</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+13"/>
        <source>Delete Profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Delete the profile “%1” and its key from the system keychain? Its exchanges stay in the history.</source>
        <translation>Das Profil „%1“ und seinen Schlüssel aus dem System-Schlüsselbund löschen? Seine Austausche bleiben im Verlauf.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleting “%1” and its key…</source>
        <translation>„%1“ und sein Schlüssel werden gelöscht…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleted the profile “%1”</source>
        <translation>Profil „%1“ gelöscht</translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Exported %n profile(s) to %1, WITH their keys in plain text.</source>
        <translation>
            <numerusform>%n Profil nach %1 exportiert, MIT seinem Schlüssel im Klartext.</numerusform>
            <numerusform>%n Profile nach %1 exportiert, MIT ihren Schlüsseln im Klartext.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n profile(s) to %1, without keys.</source>
        <translation>
            <numerusform>%n Profil nach %1 exportiert, ohne Schlüssel.</numerusform>
            <numerusform>%n Profile nach %1 exportiert, ohne Schlüssel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../ui/profiledialog.cpp" line="+37"/>
        <source>No colour</source>
        <translation>Keine Farbe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>Rot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orange</source>
        <translation>Orange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Green</source>
        <translation>Grün</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blue</source>
        <translation>Blau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Purple</source>
        <translation>Lila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Grey</source>
        <translation>Grau</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>New Profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit Profile “%1”</source>
        <translation>Profil „%1“ bearbeiten</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Leave empty to keep the key; paste a connection string to replace it</source>
        <translation>Leer lassen, um den Schlüssel zu behalten; Verbindungszeichenfolge einfügen, um ihn zu ersetzen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Azure Notification Hub</source>
        <translation>Azure Notification Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundled local emulator</source>
        <translation>Mitgelieferter lokaler Emulator</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+276"/>
        <source>Reveal the Key</source>
        <translation>Schlüssel aufdecken</translation>
    </message>
    <message>
        <location line="-273"/>
        <source>Show the SharedAccessKey in clear; it is hidden again when this window loses focus</source>
        <translation>SharedAccessKey im Klartext anzeigen; er wird wieder verborgen, wenn dieses Fenster den Fokus verliert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure portal ▸ the hub ▸ Access Policies. The key is shown as •••• and goes to the system keychain only.</source>
        <translation>Azure-Portal ▸ der Hub ▸ Access Policies. Der Schlüssel wird als •••• angezeigt und nur im Schlüsselbund des Systems gespeichert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub&apos;s name (EntityPath of the string if left empty)</source>
        <translation>Name des Hubs (wenn leer: EntityPath der Zeichenfolge)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>namespace/hub when left empty</source>
        <translation>namespace/hub, wenn leer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. staging, dev, customer A</source>
        <translation>z. B. staging, dev, Kunde A</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Production hub: ask before every send</source>
        <translation>Produktions-Hub: vor jedem Senden nachfragen</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Keep the key in memory for this run</source>
        <translation>Schlüssel für diese Sitzung im Speicher halten</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add Profile</source>
        <translation>Profil hinzufügen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connection string:</source>
        <translation>&amp;Verbindungszeichenfolge:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Hub:</source>
        <translation>&amp;Hub:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label:</source>
        <translation>&amp;Bezeichnung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;olour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Paste the connection string of one of the hub&apos;s access policies.</source>
        <translation>Fügen Sie die Verbindungszeichenfolge einer der Zugriffsregeln (Access Policies) des Hubs ein.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Emulator/%1</source>
        <translation>Emulator/%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>There is a profile named “%1” already; pick another name.</source>
        <translation>Es gibt bereits ein Profil namens „%1“; wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Hide the Key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Storing the key in the system keychain… (it may ask to be unlocked)</source>
        <translation>Schlüssel wird im Schlüsselbund des Systems gespeichert… (möglicherweise muss er entsperrt werden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;The system keychain cannot keep the key.&lt;/b&gt; %1&lt;p&gt;You can still use this profile: nhconsole can keep the key in memory for this run only. It is never written to disk; when nhconsole quits it is gone, and you paste it again next time (or fix the keychain).&lt;/p&gt;</source>
        <translation>&lt;b&gt;Der Schlüsselbund des Systems kann den Schlüssel nicht aufbewahren.&lt;/b&gt; %1&lt;p&gt;Sie können dieses Profil trotzdem verwenden: nhconsole kann den Schlüssel nur für diese Sitzung im Speicher halten. Er wird nie auf die Festplatte geschrieben; wenn nhconsole beendet wird, ist er verloren, und Sie fügen ihn beim nächsten Mal erneut ein (oder reparieren den Schlüsselbund).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ProfileExportDialog</name>
    <message>
        <location filename="../../ui/profiletransfer.cpp" line="+10"/>
        <source>Export Profiles</source>
        <translation>Profile exportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Profiles to export:</source>
        <translation>Zu exportierende Profile:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Include the SAS &amp;keys from the keychain</source>
        <translation>SAS-&amp;Schlüssel aus dem Schlüsselbund einschließen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file will contain the SAS keys in plain text. Anyone who reads it can send to these hubs: keep it private (it is written readable by you only) and delete it once imported.</source>
        <translation>Die Datei wird die SAS-Schlüssel im Klartext enthalten. Jeder, der sie liest, kann an diese Hubs senden: Halten Sie sie privat (sie wird nur für Sie lesbar geschrieben) und löschen Sie sie nach dem Import.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Reading the keys from the keychain…</source>
        <translation>Die Schlüssel werden aus dem Schlüsselbund gelesen…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
</context>
<context>
    <name>ProfileImporter</name>
    <message>
        <location line="+120"/>
        <source>The file %1 cannot be read: %2.</source>
        <translation>Die Datei %1 kann nicht gelesen werden: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Importing profiles from %1…</source>
        <translation>Profile werden aus %1 importiert…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing was imported from %1. %2</source>
        <translation>Aus %1 wurde nichts importiert. %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The profiles from %1 were imported, but: %2</source>
        <translation>Die Profile aus %1 wurden importiert, aber: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import Profiles</source>
        <translation>Profile importieren</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Imported %n profile(s): %1.</source>
        <translation>
            <numerusform>%n Profil importiert: %1.</numerusform>
            <numerusform>%n Profile importiert: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProfileSwitcher</name>
    <message>
        <location filename="../../ui/profileswitcher.cpp" line="+25"/>
        <source>%1: the bundled local emulator, hub %2, rule %3</source>
        <translation>%1: der mitgelieferte lokale Emulator, Hub %2, Regel %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: hub %2 at %3, rule %4</source>
        <translation>%1: Hub %2 unter %3, Regel %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Production: nhconsole asks before every send.</source>
        <translation>Produktion: nhconsole fragt vor jeder Sendung nach.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The profile notifications go to</source>
        <translation>Das Profil, über das Benachrichtigungen gesendet werden</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>PROD</source>
        <translation>PROD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>emulator</source>
        <translation>Emulator</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A production hub: sends reach real devices, and nhconsole asks before each one</source>
        <translation>Ein Produktions-Hub: Sendungen erreichen echte Geräte, und nhconsole fragt vor jeder einzelnen nach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not marked as production</source>
        <translation>Nicht als Produktion markiert</translation>
    </message>
</context>
<context>
    <name>ReachPreview</name>
    <message>
        <location filename="../../ui/reachpreview.cpp" line="+43"/>
        <source>&amp;Refresh Reach Preview</source>
        <translation>Reichweitenvorschau &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Tag expression, e.g. sports &amp;&amp; !lang:fr (empty: broadcast)</source>
        <translation>Tag-Ausdruck, z. B. sports &amp;&amp; !lang:fr (leer: Broadcast)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetch the hub&apos;s registrations again (%1)</source>
        <translation>Die Registrierungen des Hubs erneut abrufen (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+337"/>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>The expression does not parse.</source>
        <translation>Der Ausdruck kann nicht geparst werden.</translation>
    </message>
    <message numerus="yes">
        <location line="-251"/>
        <source>Fetching registrations… %1 so far (%n request(s))</source>
        <translation>
            <numerusform>Registrierungen werden geladen… bisher %1 (%n Anfrage)</numerusform>
            <numerusform>Registrierungen werden geladen… bisher %1 (%n Anfragen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+301"/>
        <source>Fetching %1…</source>
        <translation>Lade %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registrations could not be fetched.</source>
        <translation>Die Registrierungen konnten nicht geladen werden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh to fetch the hub&apos;s registrations and preview the reach.</source>
        <translation>Aktualisieren Sie, um die Registrierungen des Hubs abzurufen und eine Vorschau der Reichweite zu sehen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>template registrations of every platform</source>
        <translation>Vorlagenregistrierungen aller Plattformen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>native %1 registrations</source>
        <translation>native Registrierungen für %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Reaches at least %n registration(s)</source>
        <translation>
            <numerusform>Erreicht mindestens %n Registrierung</numerusform>
            <numerusform>Erreicht mindestens %n Registrierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Reaches %n registration(s)</source>
        <translation>
            <numerusform>Erreicht %n Registrierung</numerusform>
            <numerusform>Erreicht %n Registrierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>A broadcast reaches %n registration(s)</source>
        <translation>
            <numerusform>Ein Broadcast erreicht %n Registrierung</numerusform>
            <numerusform>Ein Broadcast erreicht %n Registrierungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n of them would get an empty substitution (a property the send does not fill in).</source>
        <translation>
            <numerusform>%n davon bekäme eine leere Ersetzung (eine Eigenschaft, die die Sendung nicht ausfüllt).</numerusform>
            <numerusform>%n davon bekämen eine leere Ersetzung (eine Eigenschaft, die die Sendung nicht ausfüllt).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A test send reports at most %1 of them.</source>
        <translation>Eine Testsendung meldet höchstens %1 davon.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Evaluated locally from %n registration(s) fetched at %1</source>
        <translation>
            <numerusform>Lokal ausgewertet aus %n Registrierung, geladen um %1</numerusform>
            <numerusform>Lokal ausgewertet aus %n Registrierungen, geladen um %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>At least %n — the rest was not fetched: a preview fetches at most %1 registrations.</source>
        <translation>
            <numerusform>Mindestens %n – der Rest wurde nicht geladen: eine Vorschau lädt höchstens %1 Registrierungen.</numerusform>
            <numerusform>Mindestens %n – der Rest wurde nicht geladen: eine Vorschau lädt höchstens %1 Registrierungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Enter the device handle of a direct send.</source>
        <translation>Geben Sie das Geräte-Handle einer direkten Sendung ein.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>A direct send goes to %n device handle(s), registered or not.</source>
        <translation>
            <numerusform>Eine direkte Sendung geht an %n Geräte-Handle, registriert oder nicht.</numerusform>
            <numerusform>Eine direkte Sendung geht an %n Geräte-Handles, registriert oder nicht.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registrations on the hub with this handle, for this format: %1.</source>
        <translation>Registrierungen auf dem Hub mit diesem Handle für dieses Format: %1.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Select a registration to see the payload it would receive.</source>
        <translation>Wählen Sie eine Registrierung, um die Payload zu sehen, die sie empfangen würde.</translation>
    </message>
</context>
<context>
    <name>RegistrationDialog</name>
    <message>
        <location filename="../../ui/registrationdialog.cpp" line="+28"/>
        <source>New registration</source>
        <translation>Neue Registrierung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Edit registration %1</source>
        <translation>Registrierung %1 bearbeiten</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 template</source>
        <translation>%1-Vorlage</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The body the hub receives. RegistrationId, ETag and ExpirationTime are set by the hub.</source>
        <translation>Der Body, den der Hub empfängt. RegistrationId, ETag und ExpirationTime setzt der Hub.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <location line="+137"/>
        <source>The hub refuses this body template at character %1 (line %2, column %3): %4</source>
        <extracomment>%1: the 1-based position in the template, %2 and %3 where that is in the XML</extracomment>
        <translation>Der Hub lehnt diese Body-Vorlage bei Zeichen %1 ab (Zeile %2, Spalte %3): %4</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub refuses this template: %1</source>
        <translation>Der Hub lehnt diese Vorlage ab: %1</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The kind differs from the stored registration&apos;s; the hub replaces it.</source>
        <translation>Die Art weicht von der der gespeicherten Registrierung ab; der Hub ersetzt sie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid %1.</source>
        <translation>Gültig: %1.</translation>
    </message>
</context>
<context>
    <name>RegistrationsBrowser</name>
    <message>
        <location filename="../../ui/registrationsbrowser.cpp" line="+142"/>
        <source>&amp;Refresh Registrations</source>
        <translation>Registrierungen &amp;aktualisieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload the registrations from the first page (%1)</source>
        <translation>Registrierungen ab der ersten Seite neu laden (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+74"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>&amp;New Registration…</source>
        <translation>&amp;Neue Registrierung…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit Registration…</source>
        <translation>Registrierung &amp;bearbeiten…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Delete Registration…</source>
        <translation>Registrierung &amp;löschen…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Send Test to This Registration</source>
        <translation>Test an diese Registrierung &amp;senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Dia&amp;gnose This Registration…</source>
        <translation>Diese Registrierung dia&amp;gnostizieren…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Installation…</source>
        <translation>&amp;Installation…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>All registrations</source>
        <translation>Alle Registrierungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By tag</source>
        <translation>Nach Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By channel</source>
        <translation>Nach Kanal</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+191"/>
        <source>Load more</source>
        <translation>Mehr laden</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XML</source>
        <translation>XML</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Select a registration to see every field and the XML the hub returns for it.</source>
        <translation>Wählen Sie eine Registrierung aus, um alle ihre Felder und das XML zu sehen, das der Hub für sie zurückgibt.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&lt;b&gt;Details&lt;/b&gt;</source>
        <translation>&lt;b&gt;Details&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tag, e.g. sports</source>
        <translation>Tag, z. B. sports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device handle (PNS handle)</source>
        <translation>Geräte-Handle (PNS-Handle)</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Enter the device handle to list its registrations.</source>
        <translation>Geben Sie das Geräte-Handle ein, um seine Registrierungen aufzulisten.</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n registration(s) loaded</source>
        <translation>
            <numerusform>%n Registrierung geladen</numerusform>
            <numerusform>%n Registrierungen geladen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · more on the hub</source>
        <translation> · weitere auf dem Hub</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message numerus="yes">
        <location line="+76"/>
        <source>The last send found %n listed registration(s) whose handle the push service refused; the hub deletes such registrations. Press F5 to reload the list.</source>
        <translation>
            <numerusform>Der letzte Versand fand %n aufgeführte Registrierung, deren Handle der Push-Dienst abgelehnt hat; der Hub löscht solche Registrierungen. Drücken Sie F5, um die Liste neu zu laden.</numerusform>
            <numerusform>Der letzte Versand fand %n aufgeführte Registrierungen, deren Handle der Push-Dienst abgelehnt hat; der Hub löscht solche Registrierungen. Drücken Sie F5, um die Liste neu zu laden.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registration id</source>
        <translation>Registrierungs-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ETag</source>
        <translation>ETag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secondary tile</source>
        <translation>Sekundäre Kachel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Baidu user id</source>
        <translation>Baidu-Benutzer-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P256DH</source>
        <translation>P256DH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth</source>
        <translation>Auth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push variables</source>
        <translation>Push-Variablen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Template name</source>
        <translation>Vorlagenname</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body template</source>
        <translation>Body-Vorlage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APNs expiry</source>
        <translation>APNs-Ablauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>APNs priority</source>
        <translation>APNs-Priorität</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Installation</source>
        <translation>Installation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading %1 from the hub…</source>
        <translation>%1 wird vom Hub geladen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>As the hub returned it at %1 (%2 ms).</source>
        <translation>So, wie der Hub sie um %1 zurückgegeben hat (%2 ms).</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Creating a registration…</source>
        <translation>Registrierung wird erstellt…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Created registration %1.</source>
        <translation>Registrierung %1 erstellt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Saving registration %1…</source>
        <translation>Registrierung %1 wird gespeichert…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved registration %1.</source>
        <translation>Registrierung %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete registration</source>
        <translation>Registrierung löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete registration %1 (%2, %3)? The device stops receiving notifications until the app registers again.</source>
        <translation>Registrierung %1 (%2, %3) löschen? Das Gerät empfängt keine Benachrichtigungen mehr, bis sich die App erneut registriert.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no tags</source>
        <translation>keine Tags</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Deleting registration %1…</source>
        <translation>Registrierung %1 wird gelöscht…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Deleted registration %1.</source>
        <translation>Registrierung %1 gelöscht.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Test send to registration %1 by its tags: %2</source>
        <translation>Testsendung an Registrierung %1 über ihre Tags: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test send to registration %1 by its handle</source>
        <translation>Testsendung an Registrierung %1 über ihr Handle</translation>
    </message>
</context>
<context>
    <name>RenderedPayloadView</name>
    <message>
        <location filename="../../ui/renderedpayloadview.cpp" line="+86"/>
        <source> · template “%1”</source>
        <translation> · Vorlage „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;What this %1 registration receives&lt;/b&gt;%2</source>
        <translation>&lt;b&gt;Was diese %1-Registrierung empfängt&lt;/b&gt;%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration %1</source>
        <translation>Registrierung %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Not rendered&lt;/b&gt;</source>
        <translation>&lt;b&gt;Nicht erzeugt&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>The push service would refuse this payload: %1</source>
        <translation>Der Push-Dienst würde diese Payload ablehnen: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every substitution has a value.</source>
        <translation>Jede Ersetzung hat einen Wert.</translation>
    </message>
</context>
<context>
    <name>SasInspector</name>
    <message>
        <location filename="../../ui/sasinspector.cpp" line="+59"/>
        <source>SAS Token Inspector</source>
        <translation>SAS-Token-Inspektor</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Reveal signature</source>
        <translation>Signatur &amp;aufdecken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature lets anyone send to this hub until the token expires</source>
        <translation>Mit der Signatur kann jeder an diesen Hub senden, bis das Token abläuft</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;generate</source>
        <translation>&amp;Neu generieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Copy token</source>
        <translation>Token &amp;kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copies the whole Authorization value; shown only while revealed</source>
        <translation>Kopiert den gesamten Authorization-Wert; nur möglich, solange die Signatur aufgedeckt ist</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub:</source>
        <translation>Hub:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource (sr):</source>
        <translation>Ressource (sr):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rule (skn):</source>
        <translation>Zugriffsregel (skn):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires (se):</source>
        <translation>Läuft ab (se):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signature (sig):</source>
        <translation>Signatur (sig):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authorization:</source>
        <translation>Authorization:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lifetime:</source>
        <translation>Lebensdauer:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 at %2</source>
        <translation>%1 auf %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This profile has no key loaded, so there is no token to show.</source>
        <translation>Für dieses Profil ist kein Schlüssel geladen, daher gibt es kein Token zum Anzeigen.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 UTC (%2 local)</source>
        <translation>%1 UTC (%2 Ortszeit)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>expired %1 ago</source>
        <translation>vor %1 abgelaufen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>expires in %1</source>
        <translation>läuft in %1 ab</translation>
    </message>
</context>
<context>
    <name>SendBar</name>
    <message>
        <location filename="../../ui/sendbar.cpp" line="+27"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the hub (Esc)</source>
        <translation>Nicht mehr auf den Hub warten (Esc)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send the notification (Ctrl+Enter)</source>
        <translation>Benachrichtigung senden (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Waiting for the hub…</source>
        <translation>Warten auf den Hub…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Cannot send:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Senden nicht möglich:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b&gt;Not connected:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Nicht verbunden:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Ready: test send to %1.</source>
        <translation>Bereit: Testsendung an %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready: send to %1.</source>
        <translation>Bereit: Senden an %1.</translation>
    </message>
</context>
<context>
    <name>SendFlow</name>
    <message>
        <location filename="../../ui/sendflow.cpp" line="+27"/>
        <source>Sending… press Esc to cancel</source>
        <translation>Senden… Esc zum Abbrechen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Not sent: “%1” is not connected. %2</source>
        <translation>Nicht gesendet: „%1“ ist nicht verbunden. %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Production hub</source>
        <translation>Produktions-Hub</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is a production hub (%2): %3 reaches real devices. Send anyway?</source>
        <translation>„%1“ ist ein Produktions-Hub (%2): %3 erreicht echte Geräte. Trotzdem senden?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to Production</source>
        <translation>An Produktion senden</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Waiting for the connection; the notification is sent as soon as it is ready…</source>
        <translation>Warte auf die Verbindung; die Benachrichtigung wird gesendet, sobald sie bereit ist…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this notification</source>
        <translation>diese Benachrichtigung</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>this re-sent request</source>
        <translation>diese erneut gesendete Anfrage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-sending… press Esc to cancel</source>
        <translation>Erneut senden… Esc zum Abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re-sent: %1</source>
        <translation>Erneut gesendet: %1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1: %2 delivered, %3 failed</source>
        <translation>%1: %2 zugestellt, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (%1 ms)</source>
        <translation> (%1 ms)</translation>
    </message>
</context>
<context>
    <name>SendOptions</name>
    <message>
        <location filename="../../ui/sendoptions.cpp" line="+17"/>
        <source>T&amp;est send</source>
        <translation>T&amp;estsendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub answers with each registration&apos;s outcome. It reaches at most 10 registrations and allows about 10 test sends a minute; direct and scheduled sends cannot be test sends.</source>
        <translation>Der Hub antwortet mit dem Ergebnis jeder Registrierung. Eine Testsendung erreicht höchstens 10 Registrierungen, und etwa 10 Testsendungen pro Minute sind erlaubt; direkte und geplante Sendungen können keine Testsendungen sein.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sc&amp;hedule at</source>
        <translation>&amp;Planen für</translation>
    </message>
</context>
<context>
    <name>StartupSequence</name>
    <message>
        <location filename="../../ui/startupsequence.cpp" line="-83"/>
        <source>Starting the local emulator…</source>
        <translation>Der lokale Emulator wird gestartet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opening the history…</source>
        <translation>Der Verlauf wird geöffnet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading the keychain…</source>
        <translation>Der Schlüsselbund wird gelesen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listing the registrations…</source>
        <translation>Die Registrierungen werden aufgelistet…</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>No history: %1</source>
        <translation>Kein Verlauf: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The local emulator did not start: %1</source>
        <translation>Der lokale Emulator ist nicht gestartet: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Connecting to “%1”…</source>
        <translation>Verbindung zu „%1“ wird hergestellt…</translation>
    </message>
</context>
<context>
    <name>StatusDecorationProxy</name>
    <message>
        <location filename="../../ui/statusdecorationproxy.cpp" line="+50"/>
        <source>Registration %1: double-click or press Enter to show it in Registrations</source>
        <translation>Registrierung %1: Doppelklick oder Eingabetaste zeigt sie unter Registrierungen</translation>
    </message>
</context>
<context>
    <name>TargetPicker</name>
    <message>
        <location filename="../../ui/targetpicker.cpp" line="+35"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs</source>
        <translation>&amp;Tags</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Device</source>
        <translation>&amp;Gerät</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Everyone</source>
        <translation>&amp;Alle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>sports &amp;&amp; (lang:en || lang:fr)</source>
        <translation>sports &amp;&amp; (lang:en || lang:fr)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNS handle; several separated by spaces for a batch</source>
        <translation>PNS-Handle; für einen Stapel mehrere, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every registration of this format in the hub.</source>
        <translation>Jede Registrierung dieses Formats im Hub.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>tags &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation>Tags &lt;tt&gt;%1&lt;/tt&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n Gerät</numerusform>
            <numerusform>%n Geräte</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>every %1 registration</source>
        <translation>alle Registrierungen für %1</translation>
    </message>
</context>
<context>
    <name>TemplatePropertiesTable</name>
    <message>
        <location filename="../../ui/templatepropertiestable.cpp" line="+25"/>
        <source>Template properties: the hub puts each value into the $(name) placeholders of the registrations&apos; templates. Edit here or in the JSON below; both stay in sync.</source>
        <translation>Vorlageneigenschaften: Der Hub setzt jeden Wert in die $(name)-Platzhalter der Vorlagen der Registrierungen ein. Bearbeiten Sie sie hier oder im JSON unten; beide bleiben synchron.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add a property</source>
        <translation>Eigenschaft hinzufügen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected properties</source>
        <translation>Ausgewählte Eigenschaften entfernen</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Not filled in: a targeted template uses %1, and the send leaves it out, so it renders empty. Type a value to send it.</source>
        <translation>Nicht ausgefüllt: Eine angesprochene Vorlage verwendet %1, die Sendung lässt sie aber weg, daher wird leerer Text eingesetzt. Geben Sie einen Wert ein, um sie zu senden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not filled in: %1 is sent empty, so it renders empty.</source>
        <translation>Nicht ausgefüllt: %1 wird leer gesendet, daher wird leerer Text eingesetzt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No targeted template uses %1: the hub ignores it.</source>
        <translation>Keine angesprochene Vorlage verwendet %1: Der Hub ignoriert sie.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not filled in: %1 (the templates that use them get an empty value).</source>
        <translation>Nicht ausgefüllt: %1 (die Vorlagen, die sie verwenden, erhalten einen leeren Wert).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No targeted template uses: %1.</source>
        <translation>Von keiner angesprochenen Vorlage verwendet: %1.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Fix the JSON below to edit the properties as a table.</source>
        <translation>Korrigieren Sie das JSON unten, um die Eigenschaften als Tabelle zu bearbeiten.</translation>
    </message>
</context>
<context>
    <name>TrafficDock</name>
    <message>
        <location filename="../../ui/trafficdock.cpp" line="+85"/>
        <source>Traffic</source>
        <translation>Datenverkehr</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Client (User-Agent)</source>
        <translation>Client (User-Agent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation</source>
        <translation>Vorgang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flagged only</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+215"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location line="-213"/>
        <source>Hold new exchanges back; they show when you resume</source>
        <translation>Neue Austausche zurückhalten; sie erscheinen, wenn Sie fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to History</source>
        <translation>In den Verlauf übernehmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as curl</source>
        <translation>Als curl kopieren</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>nhemulator on this machine, port:</source>
        <translation>nhemulator auf diesem Rechner, Port:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Follow</source>
        <translation>Verfolgen</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Registration</source>
        <translation>Registrierung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Platform</source>
        <translation>Plattform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload</source>
        <translation>Payload</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>No network access here to follow another emulator.</source>
        <translation>Hier gibt es keinen Netzwerkzugriff, um einen anderen Emulator zu verfolgen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Following %1.</source>
        <translation>%1 wird verfolgt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 Trying again in %2 s.</source>
        <translation>%1 Neuer Versuch in %2 s.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Deliveries: none recorded for this exchange.</source>
        <translation>Zustellungen: keine für diesen Austausch aufgezeichnet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deliveries: %1 of %2 shown.</source>
        <translation>Zustellungen: %1 von %2 angezeigt.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No history: the exchange could not be kept.</source>
        <translation>Kein Verlauf: Der Austausch konnte nicht aufbewahrt werden.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sent the exchange to the history.</source>
        <translation>Austausch in den Verlauf übernommen.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Copied the request as curl.</source>
        <translation>Anfrage als curl kopiert.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n exchange(s)</source>
        <translation>
            <numerusform>%n Austausch</numerusform>
            <numerusform>%n Austausche</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n held</source>
        <translation>
            <numerusform>%n zurückgehalten</numerusform>
            <numerusform>%n zurückgehalten</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nhconsole</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+40"/>
        <source>A debugging console for Azure Notification Hubs. The first start talks to a bundled local emulator, so no Azure account is needed.</source>
        <translation>Eine Debugging-Konsole für Azure Notification Hubs. Beim ersten Start spricht sie mit einem mitgelieferten lokalen Emulator, daher ist kein Azure-Konto nötig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Folder for the bundled emulator&apos;s certificate (default: %1).</source>
        <translation>Ordner für das Zertifikat des mitgelieferten Emulators (Standard: %1).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The history file (default: %1).</source>
        <translation>Die Verlaufsdatei (Standard: %1).</translation>
    </message>
    <message>
        <location filename="../../ui/startupsequence.cpp" line="-41"/>
        <source>No history</source>
        <translation>Kein Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 This run&apos;s exchanges are not kept.</source>
        <translation>%1 Die Austausche dieser Sitzung werden nicht aufbewahrt.</translation>
    </message>
</context>
<context>
    <name>nhemulator</name>
    <message>
        <location filename="../../app/emulator/main.cpp" line="+34"/>
        <source>A local emulator of the Azure Notification Hubs REST API over HTTPS.
It prints the certificate to trust and ready connection strings, then serves until stopped.

Deterministic outcomes: a registration whose handle contains &apos;expired&apos;, &apos;invalid&apos;, &apos;badcredential&apos; or &apos;badpayload&apos; gets that outcome on a send (and the first two are then deleted, as the service does). An APNs handle containing &apos;production&apos; is invalid on a hub whose APNs endpoint is the sandbox, one containing &apos;sandbox&apos; or &apos;development&apos; on a production hub.</source>
        <translation>Ein lokaler Emulator der REST-API von Azure Notification Hubs über HTTPS.
Er gibt das zu vertrauende Zertifikat und fertige Verbindungszeichenfolgen aus und bedient Anfragen, bis er beendet wird.

Vorhersagbare Ergebnisse: Eine Registrierung, deren Handle „expired“, „invalid“, „badcredential“ oder „badpayload“ enthält, erhält beim Senden dieses Ergebnis (die ersten beiden werden danach gelöscht, wie beim Dienst). Ein APNs-Handle mit „production“ ist auf einem Hub ungültig, dessen APNs-Endpunkt die Sandbox ist, eines mit „sandbox“ oder „development“ auf einem Produktions-Hub.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Port on 127.0.0.1 and ::1 (0 = any free port).</source>
        <translation>Port auf 127.0.0.1 und ::1 (0 = beliebiger freier Port).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub name; repeat for more hubs (the first gets the demo data).</source>
        <translation>Hub-Name; für weitere Hubs wiederholen (der erste erhält die Demodaten).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the namespace (keys, registrations, installations) in this SQLite file.</source>
        <translation>Den Namespace (Schlüssel, Registrierungen, Installationen) in dieser SQLite-Datei speichern.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder for the TLS certificate (made on first start, then reused).</source>
        <translation>Ordner für das TLS-Zertifikat (beim ersten Start erstellt, danach wiederverwendet).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start with an empty hub instead of demo registrations.</source>
        <translation>Mit einem leeren Hub statt Demo-Registrierungen starten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refuse more than 10 test sends per minute with 429, as the service does.</source>
        <translation>Mehr als 10 Testsendungen pro Minute mit 429 ablehnen, wie es der Dienst tut.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inject a fault: SPEC[@OPERATION], e.g. &apos;status=429;retry-after=1@send.test&apos;, &apos;reset@registrations&apos;, &apos;delay=2000&apos;. Repeatable.</source>
        <translation>Eine Störung einspeisen: SPEC[@OPERATION], z. B. &apos;status=429;retry-after=1@send.test&apos;, &apos;reset@registrations&apos;, &apos;delay=2000&apos;. Wiederholbar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print every exchange (secrets redacted).</source>
        <translation>Jeden Austausch ausgeben (Geheimnisse geschwärzt).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the start-up information as one JSON line (for scripts).</source>
        <translation>Die Startinformationen als eine JSON-Zeile ausgeben (für Skripte).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close a connection that sends nothing for this many seconds while a request is awaited (default 120); a request&apos;s headers must arrive within 30 s or this, if shorter. nhemulator also raises its open-files limit to the hard limit.</source>
        <translation>Eine Verbindung schließen, die so viele Sekunden lang nichts sendet, während eine Anfrage erwartet wird (Standard 120); die Header einer Anfrage müssen innerhalb von 30 s eintreffen, oder innerhalb dieser Zeit, wenn sie kürzer ist. nhemulator hebt außerdem sein Limit für offene Dateien auf das harte Limit an.</translation>
    </message>
    <message>
        <location filename="../../core/emulator/emulatorhubconfig.cpp" line="-77"/>
        <source>Configure the hubs (credentials, rules) from this JSON file, one entry per hub (docs/protocol.md §9.10). Hubs it does not name are configured for every platform.</source>
        <translation>Die Hubs (Anmeldedaten, Regeln) aus dieser JSON-Datei konfigurieren, ein Eintrag je Hub (docs/protocol.md §9.10). Hubs, die sie nicht nennt, werden für jede Plattform konfiguriert.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Add N synthetic registrations to the hub (users, 1,000 cohorts, 5 languages, every platform, templates), in memory only; --log prints how fast they were made.</source>
        <translation>Fügt dem Hub N synthetische Registrierungen hinzu (Benutzer, 1.000 Kohorten, 5 Sprachen, alle Plattformen, Vorlagen), nur im Speicher; --log gibt aus, wie schnell sie erzeugt wurden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seed of --generate (default 1): the same seed, the same hub.</source>
        <translation>Startwert von --generate (Standard 1): gleicher Startwert, gleicher Hub.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--generate takes a number from 0 to 100000000 and --seed a whole number, not &apos;%1&apos; and &apos;%2&apos;.</source>
        <translation>--generate erwartet eine Zahl von 0 bis 100000000 und --seed eine ganze Zahl, nicht „%1“ und „%2“.</translation>
    </message>
    <message>
        <location filename="../../app/emulator/main.cpp" line="+18"/>
        <source>nhemulator: --port must be a number from 0 to 65535, not &apos;%1&apos;
</source>
        <translation>nhemulator: --port muss eine Zahl von 0 bis 65535 sein, nicht &apos;%1&apos;
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nhemulator: --idle-timeout must be a number of seconds above 0, at most 86400, not &apos;%1&apos;
</source>
        <translation>nhemulator: --idle-timeout muss eine Anzahl von Sekunden über 0 und höchstens 86400 sein, nicht &apos;%1&apos;
</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Generated %1 registrations in %2 ms (%3 a second)
</source>
        <translation>%1 Registrierungen in %2 ms erzeugt (%3 pro Sekunde)
</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>nhemulator %1 listening on https://localhost:%2/ (hub &quot;%3&quot;)
</source>
        <translation>nhemulator %1 lauscht auf https://localhost:%2/ (Hub „%3“)
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Certificate: %1
Trust it for Python and Node clients:
  export SSL_CERT_FILE=%1
  export NODE_EXTRA_CA_CERTS=%1
</source>
        <translation>
Zertifikat: %1
So vertrauen Python- und Node-Clients ihm:
  export SSL_CERT_FILE=%1
  export NODE_EXTRA_CA_CERTS=%1
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Connection strings (hub name: %1):
</source>
        <translation>
Verbindungszeichenfolgen (Hub-Name: %1):
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Press Ctrl+C to stop.
</source>
        <translation>
Drücken Sie Ctrl+C zum Beenden.
</translation>
    </message>
</context>
</TS>

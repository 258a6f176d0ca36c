<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>ComposerWidget</name>
    <message>
        <location filename="../../ui/composerwidget.cpp" line="+77"/>
        <source>Signed with the profile&apos;s key when you send (a SAS token valid for one hour).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The REST API version nhconsole speaks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the format picker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the tag expression, as written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the device handle of a direct send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the schedule time, in UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chosen for the format and body; add your own Content-Type to override it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Derived from the payload; add a header of the same name to override it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+346"/>
        <source>Send the notification (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-344"/>
        <source>&amp;Cancel Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Pretty-print Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Refresh Known Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;Compose&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The ServiceBusNotification-Format: which registrations the hub sends to (a native platform, or templates)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ready-made payloads for this format; each one is valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pretty-print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>P&amp;reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+423"/>
        <source>Template properties: the hub puts each value into the $(name) placeholders of the registrations&apos; templates. Edit here or in the JSON below; both stay in sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-416"/>
        <source>Add a property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the selected properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Add header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Grey rows are set by nhconsole from the format, body and target; your own rows override them and can be edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Other header…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ta&amp;gs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sports &amp;&amp; (lang:en || lang:fr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PNS handle; several separated by spaces for a batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every registration of this format in the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>T&amp;est send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub answers with each registration&apos;s outcome. It reaches at most 10 registrations and allows about 10 test sends a minute; direct and scheduled sends cannot be test sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sc&amp;hedule at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop waiting for the hub (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+177"/>
        <source>Fix the JSON below to edit the properties as a table.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>Valid %1 payload, %n byte(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Reads as &lt;tt&gt;%1&lt;/tt&gt; · %2 of %3 tags (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only ||</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>with &amp;&amp; or !</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Enter the device handle to send to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Headers (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Waiting for the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Cannot send:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>tags &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n device(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>every %1 registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ready: test send to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ready: send to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>The hub is throttling; attempt %1 in %n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Only valid JSON or XML can be pretty-printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Could not read the hub&apos;s tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n tag(s) known to the hub, offered as you type</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExchangeView</name>
    <message>
        <location filename="../../ui/exchangeview.cpp" line="+43"/>
        <location line="+86"/>
        <source>Reveal secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Show the SAS signature in the Authorization header. It is hidden again when another exchange is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy a curl command that repeats this request (secrets as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the whole exchange as JSON (secrets as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · started %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&lt;b&gt;Exchange&lt;/b&gt; · nothing sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hide secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Copied the request as curl, with its real signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied the request as curl (signature redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Copied the exchange as JSON, with its real signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copied the exchange as JSON (signature redacted)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadersView</name>
    <message>
        <location filename="../../ui/headersview.cpp" line="+28"/>
        <source>&lt;b&gt;Request&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No request yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Headers as nhconsole built them. Qt adds Host, Content-Length, Connection, Accept-Encoding and User-Agent when it sends; they are not listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+73"/>
        <source>&lt;b&gt;Body&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="-37"/>
        <source>in %n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>expired %n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SAS token signed with rule &lt;b&gt;%1&lt;/b&gt; for &lt;tt&gt;%2&lt;/tt&gt;; expires %3 UTC (%4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;b&gt;Body&lt;/b&gt; (none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>&lt;b&gt;Body&lt;/b&gt; — %n byte(s) sent, shown indented</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+51"/>
        <source>nhconsole — %1 (local emulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nhconsole — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>This Session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 · rule %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sending… press Esc to cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Ready. Ctrl+Enter sends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Add Hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection profiles for real hubs arrive in the next version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Q</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy as &amp;curl</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy as &amp;JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Reveal Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to &amp;Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Go to &amp;Tag Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;About nhconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local emulator · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub notifications go to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Add a real hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&lt;b&gt;The bundled emulator could not start.&lt;/b&gt; %1 Sends will fail until a hub is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;b&gt;You are sending to the local emulator&lt;/b&gt; bundled with nhconsole (hub &lt;tt&gt;%1&lt;/tt&gt; at &lt;tt&gt;https://127.0.0.1:%2&lt;/tt&gt;), with demo registrations for every platform. Nothing leaves this machine. To use a real hub, add a connection profile with its connection string (File ▸ Add Hub…, coming with profiles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2 delivered, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> (%1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About nhconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;nhconsole %1&lt;/b&gt;&lt;p&gt;A debugging console for Azure Notification Hubs: compose, validate and send notifications, and see the exact request beside the hub&apos;s answer.&lt;/p&gt;&lt;p&gt;Licensed under the GPL, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::AdmBaiduPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/admbaidupayload.cpp" line="+38"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data with consolidation key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The %1 has no &quot;data&quot; object: ADM needs {&quot;data&quot;:{…}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;data&quot; must be an object of strings, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Android notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iOS notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Baidu push is deprecated in Notification Hubs; delivery is not confirmed to work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The header X-Baidu-Message-Type must be 0 (message) or 1 (notification), not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ApnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/apnspayload.cpp" line="+70"/>
        <source>Alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Background (silent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The %1 has no &quot;aps&quot; object: APNs needs {&quot;aps&quot;:{…}} at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;aps&quot; must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;aps&quot; has none of alert, badge, sound or content-available: the device will show nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;content-available&quot; should be the number 1; APNs ignores other values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A background push needs &quot;content-available&quot;: 1 in &quot;aps&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apple wants background pushes without alert, badge or sound; APNs may drop this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The header apns-push-type has the unknown value &quot;%1&quot;; use alert, background, voip, complication, fileprovider, mdm, location, liveactivity, pushtotalk, widgets or controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header %1 must be 10 (immediate) or 5 (power-saving), not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header apns-expiration must be a UNIX time in seconds (an integer such as 1700000000, or 0), not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header apns-collapse-id is %1 bytes; APNs refuses more than %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The hub takes the APNs topic from its APNs credential; the header apns-topic may be ignored or refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SDKs disagree on the date format of %1; prefer apns-expiration (UNIX seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Apple requires apns-priority 5 for background pushes; APNs refuses priority 10 with push type background</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Cli</name>
    <message>
        <location filename="../../core/cli/cli.cpp" line="+36"/>
        <source>The hub connection: &apos;-&apos; reads it from the first line of standard input, &apos;@FILE&apos; from a file; text without SharedAccessKey takes the key from NH_SAS_KEY. Default: NH_CONNECTION_STRING.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub name. Default: NH_HUB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also trust the certificates in this PEM file (the emulator&apos;s). Default: NH_CA_FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give up when the hub sends nothing for this long (default 30).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON document on stdout, for scripts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log the nh.* categories to stderr (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exit status: 0 success, 1 other failure, 2 usage error, 3 input refused before sending, 4 transport error (no HTTP answer, TLS, timeout), 5 hub error (4xx/5xx), 6 a test send that reached no registration, 7 an unreadable answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Show this help (nhcli COMMAND --help: the command&apos;s own).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>nhcli: send to, inspect and emulate Azure Notification Hubs from the command line.

Commands:
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run nhcli COMMAND --help for the options of a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The command to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Usage: nhcli [global options] %1 [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+25"/>
        <source>Unknown command &apos;%1&apos;. Run nhcli --help for the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Run nhcli %1--help for the options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--timeout takes a number of seconds, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/clisession.cpp" line="+62"/>
        <source>Standard input cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 - reads standard input, which cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the file %2 cannot be read: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--connection-string - expects the connection string as the first line of standard input, but it is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>standard input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Refusing a connection string with a SharedAccessKey on the command line: every user of this machine can read it in the process list (ps), and it stays in your shell history. Pass it on standard input with --connection-string - , from a file with --connection-string @FILE, or in the environment variable NH_CONNECTION_STRING; or give the string without its key and put the key in NH_SAS_KEY.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No hub connection: set NH_CONNECTION_STRING and NH_HUB, or pass --connection-string - with the string on standard input and --hub NAME. nhcli never takes a key as an argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection string from %1 has no SharedAccessKey. Set NH_SAS_KEY, or pass the whole string on standard input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection string from %1 is not valid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No hub name: pass --hub NAME or set NH_HUB (a connection string names the namespace, not the hub).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No PEM certificate could be read from %1 (--ca-file or NH_CA_FILE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location filename="../../core/cli/exchangetext.cpp" line="+138"/>
        <source>error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/emulatorcommand.cpp" line="+30"/>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Port on 127.0.0.1 and ::1 (default 0: any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Folder for the TLS certificate (made on first start, then reused). Default: the one nhemulator uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep keys, registrations and installations in this SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start with an empty hub instead of demo registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print every exchange the emulator serves on stderr (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Run a local hub emulator and print its connection strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starts the bundled Notification Hubs emulator in this process (HTTPS on 127.0.0.1 with its own certificate), prints the certificate and a connection string per SAS rule, and serves until stopped (Ctrl+C). --hub names its hub (default myHub). In another shell:

  eval &quot;$(nhcli emulator --port 8443 | grep ^export)&quot;   # or copy the lines
  nhcli send --format apple --tags sports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>emulator takes no arguments (&apos;%1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--port takes a number from 0 to 65535, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Emulator listening on https://127.0.0.1:%1/ (hub &quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection strings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For nhcli in another shell:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Press Ctrl+C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/exchangetext.cpp" line="-105"/>
        <source>… %1 more lines (--json shows the whole body)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(as built; Qt adds Host, Content-Length, Connection and User-Agent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No HTTP response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(first byte %1 ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+235"/>
        <location line="+18"/>
        <source>ETag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continuation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outcome: %1 succeeded, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No registration matched the target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>registration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hub error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cause:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>next:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>docs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/installationscommand.cpp" line="+28"/>
        <source>(not set)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>put: the installation JSON; patch: the JSON Patch array. TEXT, @FILE or -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>put without --body: the platform (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>put without --body: the PNS handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put without --body: the tags, comma-separated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>put without --body: the user id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Get, put, patch or delete installations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Works on the hub&apos;s installations.

  get ID
  put [ID] --body JSON|@FILE|-     (ID overrides the body&apos;s installationId)
  put ID --platform P --push-channel H [--tags a,b] [--user-id U]
  patch ID --body &apos;[{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}]&apos;
  delete ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>installations needs an action: get, put, patch or delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown action &apos;%1&apos;: use get, put, patch or delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>installations %1 needs an installation ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many arguments for installations %1: &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Deleted installation %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Give the installation either as --body or with --platform, --push-channel, --tags and --user-id, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--body: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>installations put needs --body, or an ID with --platform and --push-channel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-68"/>
        <location line="+98"/>
        <source>Unknown --platform &apos;%1&apos;; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+26"/>
        <source>--tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stored installation %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>installations patch needs --body with a JSON Patch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--body is not JSON: %1 at position %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--body must be a JSON Patch: an array of operations such as [{&quot;op&quot;:&quot;add&quot;,&quot;path&quot;:&quot;/tags&quot;,&quot;value&quot;:&quot;news&quot;}].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Patched installation %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Installation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/cli/telemetrycommand.cpp" line="+97"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Push channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-57"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="-17"/>
        <location line="+17"/>
        <location filename="../../core/cli/telemetrycommand.cpp" line="-13"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/cli/registrationscommand.cpp" line="+2"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/registrationscommand.cpp" line="-227"/>
        <source>%1 template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list: only the registrations with this tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The platform: %1 (list: with --handle, by channel; create).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The PNS handle: device token, FCM registration id, channel URI, endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list: entries per page (default 100).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list: follow the continuation tokens to the last page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list: start at this continuation token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>create/update: the tags, comma-separated (&apos;&apos; for none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>create/update: a template registration with this body: TEXT, @FILE or -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>create/update: the template&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create/update: a browser subscription&apos;s P256DH key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create/update: a browser subscription&apos;s auth secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>update/delete: only if the registration still has this ETag (&apos;*&apos; = any). update defaults to the ETag it read, delete to &apos;*&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>List, get, create, update or delete registrations.</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>registrations needs an action: list, get, create, update or delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown action &apos;%1&apos;: use list, get, create, update or delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>registrations %1 needs a registration ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too many arguments for registrations %1: &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>--etag takes the registration&apos;s ETag number or &apos;*&apos;, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--top takes a number from 1 to 1000, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List by --tag or by --platform and --handle, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--tag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Listing by channel needs both --platform and --handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n registration(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>More: --continuation %1 (or --all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registration %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>P256DH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PushVariables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Template name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A registration cannot change its platform; delete it and create another.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>registrations create needs --platform (%1) and --handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>registrations create needs --handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>A browser registration needs --p256dh and --auth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Nothing to update: give --tags, --handle, --body-template, --template-name, --p256dh or --auth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Deleted registration %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/sascommand.cpp" line="+31"/>
        <source>%1 = %2 (in %3 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 = %2 (expired %3 s ago)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Decode this Authorization value instead of building one: TOKEN, @FILE or - (standard input); with a connection, also check it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lifetime of a built token (default 3600).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What a built token signs: hub (https://ns/hub, the default) or namespace (https://ns/, as the JS SDK).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Print the built token with its signature (it grants the rule&apos;s rights until it expires).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Build the SAS token of the connection, or decode and check one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Builds the Authorization header nhconsole sends for the configured connection (the signature is redacted unless --reveal), or with --decode reads a SharedAccessSignature back: its resource, key name and expiry, and, when a connection is configured, whether the hub would accept it (signature under the connection&apos;s key, expiry, scope).

Examples:
  nhcli sas --ttl 300 --reveal
  nhcli sas --decode - &lt; token.txt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>sas takes no arguments (&apos;%1&apos;); a token to read goes in --decode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--ttl takes a number of seconds from 1 to %1, not &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--audience is hub or namespace, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+60"/>
        <source>Resource (sr)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Key name (skn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+60"/>
        <source>Expires (se)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-58"/>
        <source>The signature is redacted; --reveal prints the usable token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not a SharedAccessSignature token: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>UnknownKeyName: the token names the rule &apos;%1&apos;, the connection has the key of &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Field order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <location line="+2"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-6"/>
        <source>not checked: no connection (NH_CONNECTION_STRING) to take the key from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>valid for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../core/cli/telemetrycommand.cpp" line="-60"/>
        <source>(not yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show the telemetry of a sent notification (state and outcome counts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reads GET /{hub}/messages/ID: the state of a sent notification and how many deliveries each platform reported, by outcome. ID is the notification id a send printed. The hub answers 404 until the message has been processed (retry after a few seconds) and 403 below the Standard tier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>telemetry takes one notification ID.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Notification %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enqueued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Platforms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ConnectionString</name>
    <message>
        <location filename="../../core/protocol/connectionstring.cpp" line="+120"/>
        <source>Endpoint at position %1 is not a URL: expected sb://&lt;namespace&gt;.servicebus.windows.net/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Endpoint at position %1 uses http://: Notification Hubs are only reachable over HTTPS, so use sb:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Endpoint at position %1 has the scheme &apos;%2&apos;: expected sb:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Endpoint contains a user name (&apos;@&apos;) at position %1; expected only a host name and an optional port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint at position %1 has an IPv6 address without its closing &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Endpoint at position %1: unexpected &apos;%2&apos; after the IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint at position %1 has no host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Endpoint host has an invalid character &apos;%1&apos; at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Endpoint at position %1 has &apos;%2&apos; in brackets, which is not an IPv6 address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Endpoint port &apos;%1&apos; at position %2 is not a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Endpoint has a query or fragment (&apos;%1&apos;) at position %2; expected only sb://&lt;host&gt;[:port]/</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Endpoint has a path (&apos;%1&apos;) at position %2; the hub name is given separately, so the endpoint must end after the host (and port)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The connection string is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The surrounding quotes were removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Expected Key=Value at position %1, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing key name before &apos;=&apos; at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>SharedAccessSignature at position %1: connection strings that carry a ready-made token are not supported; nhconsole signs every request and needs SharedAccessKeyName and SharedAccessKey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown key &apos;%1&apos; at position %2 is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 appears twice: again at position %2 (first at position %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 at position %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The connection string has no %1; expected Endpoint=sb://&lt;namespace&gt;.servicebus.windows.net/;SharedAccessKeyName=&lt;rule&gt;;SharedAccessKey=&lt;key&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>SharedAccessKeyName has an invalid character &apos;%1&apos; at position %2: rule names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>SharedAccessKey at position %1 is not base64: unexpected &apos;%2&apos; at position %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SharedAccessKey at position %1 is not base64: its length (%2) is not a multiple of 4 or its padding is wrong; was it copied completely?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SharedAccessKey decodes to %1 bytes; keys issued by Azure are 32 bytes (44 characters). Check that it was copied completely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>EntityPath &apos;%1&apos; at position %2 is ignored: Notification Hubs take the hub name separately (use it as the hub name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The hub name is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub name is %1 characters long; the limit is 260</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub name must start and end with a letter or digit, not &apos;%1&apos; (position %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>hub paths with &apos;/&apos; are a legacy form that clients put into URLs unescaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>clients put the name into the URL path unescaped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub name has an invalid character &apos;%1&apos; at position %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::DirectBatch</name>
    <message>
        <location filename="../../core/protocol/directbatch.cpp" line="+175"/>
        <source>The devices part is empty: it must hold a JSON array of device handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The devices part must be a JSON array of device handles, starting with &apos;[&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The devices array has a trailing comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The devices array may hold only strings (device handles in quotes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Device handle %1 in the devices array is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The devices array holds more than %1 device handles, the most a direct batch takes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Expected &apos;,&apos; or &apos;]&apos; in the devices array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected text after the devices array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The devices array lists no device handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The devices array that starts at line %1 is not closed with &apos;]&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A device handle contains a line break or control character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>A \u escape in the devices array needs four hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown escape &apos;\%1&apos; in the devices array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device handle that starts at line %1, column %2 is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>A direct batch needs a Content-Type of multipart/mixed with a boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The Content-Type of a direct batch must be multipart/mixed, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The Content-Type has a quote at position %1 that is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The Content-Type multipart/mixed has no boundary parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The boundary parameter of the Content-Type is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The boundary parameter is %1 characters long; at most %2 are accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The direct batch body is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The direct batch body is %1 bytes, more than the %2 bytes accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The direct batch body has no line &quot;%1&quot; that starts a part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The direct batch body ends after a delimiter without the closing &quot;%1--&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected text after the part delimiter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The part that starts at line %1 ends inside its headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A part header line has no &quot;name: value&quot; form</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The part that starts at line %1 is not followed by a delimiter; the body ends without &quot;%2--&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A part without a name is ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The part &quot;%1&quot; is ignored: a direct batch has only the parts notification and devices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The part &quot;%1&quot; appears twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not find a part of the multipart content supplied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The notification part is empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorService</name>
    <message>
        <location filename="../../core/emulator/emulatorservice.cpp" line="+101"/>
        <source>An invalid tag(s) &apos;%1&apos; was supplied. Valid tag characters are alphanumeric, _, @, -, ., : and #.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+149"/>
        <source>No service is hosted at the specified address &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request body is %1 bytes; the maximum the service accepts is %2 bytes (64 KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>MissingToken: The request has no Authorization header; sign it with a SharedAccessSignature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MalformedToken: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>InvalidSignature: The token has an invalid signature (the namespace has no rule named &apos;%1&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The messaging entity &apos;sb://%1/%2&apos; could not be found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The api-version query parameter is required (for example api-version=2020-06).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 claim is required for this operation. The rule &apos;%2&apos; does not grant it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The method %1 is not allowed on %2; allowed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+92"/>
        <source>No message branch at the URI &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-Format&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notification format &apos;%1&apos; in ServiceBusNotification-Format is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+73"/>
        <source>The mandatory HTTP header &apos;X-WNS-Type&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-68"/>
        <source>The HTTP header &apos;X-WNS-Type&apos; has the value &apos;%1&apos;; expected wns/toast, wns/tile, wns/badge or wns/raw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The template properties are invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+96"/>
        <source>The tag expression &apos;%1&apos; is invalid: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-85"/>
        <source>Test sends are limited to 10 per minute; retry after the time given in Retry-After.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-DeviceHandle&apos; is missing for a direct send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A direct send needs a native ServiceBusNotification-Format, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A direct browser send needs the P256DH and Auth headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A direct batch send needs a native ServiceBusNotification-Format, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-Format&apos; is missing or invalid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The mandatory HTTP header &apos;ServiceBusNotification-ScheduleTime&apos; is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The scheduled notification &apos;%1&apos; was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The notification &apos;%1&apos; was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+55"/>
        <source>A registration can have at most %1 tags; this one has %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+305"/>
        <source>Tags can not start with $.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-300"/>
        <source>Registration Tags serialized size is more than maximum supported value. Actual Size: &apos;%1&apos; and Max Allowed Size: &apos;8000&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The WnsHeaders of a Windows template registration must contain X-WNS-Type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+23"/>
        <source>The registration is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The registration id &apos;%1&apos; cannot be used: ids have the form &lt;number&gt;-&lt;number&gt;-&lt;number&gt;, as returned by registrationIDs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The registration id in the body (&apos;%1&apos;) differs from the one in the URL (&apos;%2&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+40"/>
        <source>The If-Match header &apos;%1&apos; is not an ETag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-35"/>
        <source>The registration &apos;%1&apos; does not exist, so If-Match cannot match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+36"/>
        <source>The ETag in If-Match (%1) does not match the registration&apos;s current ETag (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+8"/>
        <source>The registration &apos;%1&apos; was not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The $filter condition &quot;%1&quot; is not of the form Field eq &apos;value&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The $filter field &apos;%1&apos; is not supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>$top must be a positive number, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The installation is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The installationId in the body (&apos;%1&apos;) differs from the one in the URL (&apos;%2&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <source>Installation not found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The installation patch is invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Unknown emulator control endpoint &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::EmulatorStore</name>
    <message>
        <location filename="../../core/emulator/emulatorstore.cpp" line="+48"/>
        <source>Could not open the emulator data file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The emulator data file %1 was written by a newer nhemulator (schema %2; this one reads up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not prepare the emulator data file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+74"/>
        <source>%1 stored registrations or installations could not be read and were skipped</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Exchange</name>
    <message>
        <location filename="../../core/client/exchange.cpp" line="+49"/>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No registration reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Network error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unreadable response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not sent: invalid request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ExchangeDiff</name>
    <message>
        <location filename="../../core/store/exchangediff.cpp" line="+285"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registrations reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registrations failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ExchangeExport</name>
    <message>
        <location filename="../../core/store/exchangeexport.cpp" line="+35"/>
        <source>The exchange of %1 (%2) was never sent, so it has no request to export</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+171"/>
        <source>%n exchange(s) exported from the nhconsole history. They hold no secret.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>set %1 to a SharedAccessSignature token for the hub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ExplainTagsCommand</name>
    <message>
        <location filename="../../core/cli/explaintagscommand.cpp" line="+21"/>
        <source>Also tell whether a registration with these comma-separated tags would be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Parse a tag expression: normalised form, tags, limits, matching.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parses a ServiceBusNotification-Tags expression as the hub reads it (!, &amp;&amp;, ||, parentheses; ! binds tighter than &amp;&amp;, &amp;&amp; tighter than ||), prints it normalised with explicit parentheses, lists its tags and checks the service&apos;s limits (20 tags with only ||, else 6). No connection is needed. EXPR &apos;-&apos; reads standard input.

Example:
  nhcli explain-tags &apos;sports || news &amp;&amp; !lang:fr&apos; --registration-tags news,lang:en</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>explain-tags takes one expression; quote it so that the shell keeps it whole: nhcli explain-tags &apos;a &amp;&amp; !b&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--registration-tags: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>invalid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Normalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 occurrences)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 tags (only || is used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 tags (&amp;&amp; or ! is used)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reached (tags %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reached (tags %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>refused by the hub:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Explainer</name>
    <message>
        <location filename="../../core/client/explainer.cpp" line="+105"/>
        <source>The push service says this registration&apos;s handle is no longer valid: the app was uninstalled, or the device&apos;s token was renewed. The hub deletes such registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The push service refused this registration&apos;s handle as invalid. The hub deletes such registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Register again from the app with a fresh device token. A token from a development build only works with a sandbox APNs credential on the hub, and a release build&apos;s only with a production one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Register again from the app with a fresh FCM registration token, and check that the token comes from the Firebase project whose credentials the hub holds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Register again from the app with a fresh handle (token or channel URI) issued for this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The push service refused the hub&apos;s own credentials for it (the token the hub obtained from the push service&apos;s token provider is wrong or invalid), so no registration of this platform can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix the Apple (APNs) settings of the hub in the Azure portal: the key id, team id, bundle id and .p8 key (or the certificate), and the sandbox/production mode matching the app&apos;s build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Fix the Google (FCM v1) settings of the hub in the Azure portal: the project id, client email and private key of a service account of the app&apos;s Firebase project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Google stopped the legacy FCM API on 2024-06-20: configure FCM v1 credentials on the hub and register the devices again as fcmv1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fix the Windows (WNS) settings of the hub in the Azure portal: the package SID and security key of the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix this platform&apos;s credentials on the hub in the Azure portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The push service refused the payload: it is not what this platform accepts, or it is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send a JSON object with an &quot;aps&quot; dictionary, at most 4 KB, and an apns-push-type that fits it (background pushes need apns-priority 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrap the payload in {&quot;message&quot;:{…}} without a token, and give &quot;data&quot; string values only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send XML whose root matches X-WNS-Type (toast, tile, badge), or raw bytes of at most 5 KB with wns/raw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the payload against the platform&apos;s format and size limits; the composer&apos;s validation names what is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The broadcast reached no registration: the hub has no %1registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression reached no registration of this format: &quot;%1&quot; matched no %2registration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the tags with the reach preview or list registrations by tag. A native format reaches only registrations of its own platform, and template sends reach only template registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The push service throttled deliveries to these devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send less often to the same devices and try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub could not reach the push service, or it failed on its side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is usually transient: send again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some registrations were skipped because they repeat a handle that was already sent to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove duplicate registrations of the same device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub dropped the notification for these registrations before handing it to the push service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send again; if it persists, open the PNS error details of the telemetry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub reported the delivery outcome &quot;%1&quot;, which nhconsole has no specific advice for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look the name up in the telemetry documentation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The hub has not finished processing this notification yet (state %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the telemetry again in about 10 seconds; processing can take up to 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The notification waits for its scheduled time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the telemetry again after the schedule time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The scheduled notification was cancelled before it was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub abandoned the notification: it was not processed within 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The hub returned the notification&apos;s telemetry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub reports the notification as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 registration(s) failed and %2 succeeded. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+110"/>
        <source>The hub handed the notification to the push service. Delivery from there to the device is up to the push service and the device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If it does not show on the device, check that the app may show notifications, how it handles them in the foreground, and that the handle belongs to this app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The hub reported a failure without an outcome text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hub reported &quot;%1&quot;, an outcome nhconsole has no specific advice for; it is shown exactly as the hub sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send again to see whether it repeats, and compare with the telemetry of a normal send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The request reached the hub without an Authorization header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check that the connection string has SharedAccessKeyName and SharedAccessKey; a proxy in between may also strip the header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub could not read the SharedAccessSignature token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The token needs sr, sig, se and skn; let nhconsole sign it from the connection string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The token&apos;s signature does not match: the key is not the current key of the rule named in skn, the namespace has no such rule, or the signed sr was encoded differently from the one sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the connection string again from the portal (Access Policies) and check that SharedAccessKey belongs to SharedAccessKeyName; keys change when they are regenerated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The token&apos;s expiry (se) is in the past by the hub&apos;s clock: the token is too old, or this computer&apos;s clock is behind the hub&apos;s (clock skew).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare the token&apos;s se with this computer&apos;s clock, set the clock right (automatic time), and sign a fresh token for each request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The token was signed for a resource (sr) that does not cover this request: another namespace, host, port or hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign the hub URL (https://&lt;namespace&gt;/&lt;hub&gt;) or the namespace root, with the host and hub name the request uses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The SAS rule of the token does not grant the %1 claim this operation needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a connection string whose rule grants %1: DefaultFullSharedAccessSignature grants Listen, Send and Manage, DefaultListenSharedAccessSignature only Listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the right</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub refused the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the key and rule of the connection string and this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub refused the operation: the rule lacks the right it needs (newer hubs answer 403 where older ones said &quot;claim is required&quot;), or the hub&apos;s pricing tier lacks the feature (telemetry and scheduled sends need Standard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Check the rule&apos;s claims (Listen, Send, Manage) and the hub&apos;s tier in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The namespace has no hub of that name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the hub name: it is the Notification Hub&apos;s name in the portal, not the namespace&apos;s, and it is not part of the connection string.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration does not exist: it was deleted, expired, or the hub removed it after the push service rejected its handle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the registrations to find the current id, or create the registration again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation does not exist. Installations are saved asynchronously, so a read right after a PUT can miss it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retry in a few seconds; if it is still missing, check the installation id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub does not know this notification: telemetry exists only after the hub has processed a send, and only on the Standard tier; a scheduled send disappears once sent or cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the id from the Location of a send on this hub, and read telemetry again every 10 seconds or so, for up to 30 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub has nothing at this address: the hub, or the entity the request names, does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the hub name and the id in the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tag has characters the hub does not allow: tags are up to 120 characters of letters, digits and _ @ # . : -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace spaces and other characters in the tag; write system tags as $InstallationId:{id} with braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tags can not start with $: that prefix is reserved for the hub&apos;s own $InstallationId:{…} and $UserId:{…} tags.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the $ from the tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The registration&apos;s tags, joined with commas, are larger than the hub&apos;s 8000-byte cap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use fewer or shorter tags (60 tags per registration are documented).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration has more tags than the hub allows (60 per registration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use fewer tags, e.g. one tag per user instead of one per interest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub could not read the tag expression.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use tags joined by ||, &amp;&amp; and !, with parentheses; at most 20 tags when only || is used, 6 otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A Windows (WNS) send needs the X-WNS-Type header, and it was missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add X-WNS-Type: wns/toast, wns/tile, wns/badge or wns/raw, matching the payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A header the hub requires for this request was missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add the header the hub names: ServiceBusNotification-Format for every send, -DeviceHandle for direct sends, -ScheduleTime for scheduled ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template properties are invalid: a template send carries a flat JSON object whose values are all strings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quote every value (&quot;5&quot;, not 5) and do not nest objects or arrays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused the request as malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct what the hub&apos;s detail names and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub does not allow this method at this address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the method the hub lists as allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub refused the registration operation as a conflict: registration changes are coming in too fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait a moment and try again; avoid updating the same registration in parallel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub will not use this registration id (410 Gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Get a new id with Create registration ID, or let the hub assign one by creating the registration with POST.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The registration changed since it was read: the ETag sent in If-Match no longer matches (or the registration is gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload the registration, apply the change again and save with its current ETag, or use If-Match: * to overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The request body is over the hub&apos;s 64 KB limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shorten the payload; the platforms&apos; own limits are smaller still (APNs 4 KB, WNS raw 5 KB).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub is throttling requests: too many in a short time for this hub&apos;s tier (test sends: at most 10 a minute).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wait for the time the hub gives in Retry-After, then try again, and slow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The hub failed on the service side (%1); this is usually transient.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again in a moment; if it persists, give Azure support the TrackingId of the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub answered %1, which nhconsole has no specific advice for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the hub&apos;s detail and the response headers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>You cancelled the request before the hub answered; the hub may still have received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send it again when ready; after a cancelled send, check the telemetry or the registrations before repeating it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No data arrived within the transfer timeout: the hub, a proxy or the network stalled. The hub may still have received the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; test sends wait for the push services and can be slow, so raise the timeout in the settings if this repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host name could not be resolved (DNS), so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the Endpoint of the connection string (sb://&lt;namespace&gt;.servicebus.windows.net/) for typos, and the network and DNS of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing accepts connections on that host and port, so nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the port in the Endpoint; for the local emulator, start nhemulator on that port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server closed the connection before answering (reset); the hub may or may not have received the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try again; if it repeats, a proxy, firewall or TLS inspection is dropping the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The TLS handshake failed: the server&apos;s certificate is not trusted by this computer, is not for this host name, or is outside its validity dates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For the local emulator, add its certificate to the connection&apos;s trusted certificates; behind a TLS-inspecting proxy, add the proxy&apos;s CA; check this computer&apos;s clock. Never turn certificate checks off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy between this computer and the hub failed or refused the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the proxy settings (HTTPS_PROXY) and credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The network was unavailable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reconnect and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server did not answer in HTTP: something other than a hub listens there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the host and port of the Endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request failed below HTTP, without an answer from the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>nhconsole did not send this request: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the marked part and send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The hub answered %1, but its body could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body is an HTML page, which comes from a proxy or gateway in front of the hub rather than the hub: check the Endpoint and the proxy. The raw bytes are kept in the exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The body was empty. Send again; if it repeats, compare with the raw response in the exchange.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Look at the raw bytes kept in the exchange at the place the error names; a proxy or a cut connection can mangle a response.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The hub accepted the scheduled send; it goes out at its schedule time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The hub accepted the notification (%1) and queued it. A normal send does not say whether any registration was reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The hub returned no Location, so there is no notification id: hubs on the Free and Basic tiers do not return one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use a test send to see per-registration outcomes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a test send to see per-registration outcomes, or read the telemetry of notification %1 (Standard tier).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub answered %1: the request succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Fault</name>
    <message>
        <location filename="../../core/emulator/faults.cpp" line="+61"/>
        <source>Unknown or repeated fault &apos;%1&apos;; expected one of delay=MS, stall, reset, status=CODE[;retry-after=S], garbage, truncated, empty, html, oversized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Fault &apos;%1&apos; has a bad value &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The fault &apos;%1&apos; names no kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>A fault&apos;s count must be positive or -1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::FcmLegacyPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/fcmlegacypayload.cpp" line="+39"/>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; must not be set: the hub adds the target itself (tags, registration or device handle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This looks like an FCM v1 body ({&quot;message&quot;:…}); send it with the fcmv1 format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Google retired the FCM legacy API (format gcm) on 2024-06-20; sends to gcm registrations are expected to fail. Use fcmv1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::FcmV1Payload</name>
    <message>
        <location filename="../../core/protocol/payloads/fcmv1payload.cpp" line="+43"/>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Data only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Android, high priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The %1 has no &quot;message&quot; object: FCM v1 wraps the message as {&quot;message&quot;:{&quot;notification&quot;:{…}}}; this looks like a legacy (gcm) body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 has no &quot;message&quot; object: FCM v1 needs {&quot;message&quot;:{…}} at the top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>FCM v1 does not know the top-level member &quot;%1&quot;; only &quot;message&quot; is sent on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;message&quot; must be an object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; must not be set: the hub adds the target itself (tags, registration or device handle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; must be an object of strings, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>FCM v1 wants &quot;android.ttl&quot; as a string of seconds such as &quot;3600s&quot; (legacy time_to_live was a number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;message&quot; has no notification, data, android, apns or webpush member: nothing will be delivered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::HeaderModel</name>
    <message>
        <location filename="../../core/models/headermodel.cpp" line="+165"/>
        <source>The secret part is hidden; use Reveal to show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::HistoryModel</name>
    <message>
        <location filename="../../core/models/historymodel.cpp" line="+19"/>
        <source>No history is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+168"/>
        <source>There is no row %1 in the history list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>All registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direct batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 sent, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::HistoryStore</name>
    <message>
        <location filename="../../core/store/historystore.cpp" line="+131"/>
        <source>Could not open the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+114"/>
        <location line="+1015"/>
        <location line="+7"/>
        <source>Could not read the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1014"/>
        <location line="+43"/>
        <location line="+20"/>
        <location line="+3"/>
        <source>Could not prepare the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+834"/>
        <source>The history file %1 was written by a newer nhconsole (schema %2; this one reads up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-820"/>
        <source>%1 is a database, but not an nhconsole history file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Could not index the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+517"/>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+124"/>
        <source>The exchange of %1 was never sent (%2), so there is no request to send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The stored URL %1 is not below the hub &quot;%2&quot;, so it cannot be sent again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>A secret in this exchange was redacted when it was stored; the request sent again carries &quot;[redacted]&quot; in its place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>There is no history file at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 is not an nhconsole history file, or one not opened by nhconsole yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+7"/>
        <location line="+17"/>
        <location line="+7"/>
        <source>Could not search the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The exchange %1 is no longer in the history (deleted, or removed by the history limit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+164"/>
        <location line="+13"/>
        <location line="+69"/>
        <source>Could not write to the history file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+163"/>
        <source>No history file was given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not create the folder %1 for the history file</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::HubEmulator</name>
    <message>
        <location filename="../../core/emulator/hubemulator.cpp" line="+180"/>
        <source>(no response)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+107"/>
        <source>The request was throttled (injected fault); retry after the time given in Retry-After.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An internal error occurred (injected fault %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The request was refused (injected fault %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+112"/>
        <source>The emulator is already running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub name &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Could not listen on 127.0.0.1:%1: the port is taken or not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Emulator listening on https://localhost:%1/</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::HubErrorBody</name>
    <message>
        <location filename="../../core/protocol/errorbody.cpp" line="+36"/>
        <source>&lt;%1&gt; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;%1&gt; is empty: expected a status code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, which is not a status code (a whole number of 0 or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, larger than the largest code accepted (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&lt;Detail&gt; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The &lt;Error&gt; body has no &lt;Code&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The &lt;Error&gt; body has no &lt;Detail&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Installation</name>
    <message>
        <location filename="../../core/protocol/installation.cpp" line="+197"/>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The %1 is not valid JSON: %2 at position %3 (line %4, column %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+362"/>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-360"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+90"/>
        <location line="+46"/>
        <location line="+25"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-159"/>
        <location line="+792"/>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-790"/>
        <location line="+235"/>
        <location line="+58"/>
        <location line="+580"/>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-869"/>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 must be %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The tag at %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The tag &apos;%1&apos; at %2 is not valid: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 &apos;%2&apos; is not an ISO 8601 date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a tag or an array of tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>an array of tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has %2 tags; the documented limit is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object of strings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>a string or, for browsers, an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The pushChannel is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The pushChannel of a %1 installation must be a string; only browser installations take an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The pushChannel of a browser installation must be an object (or its JSON text) with endpoint, p256dh and auth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The browser pushChannel has no %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The template %1 is a string that does not hold a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The member %1 is not part of a template and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The template %1 has no body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The template %1 has an empty body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>an object of templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The member %1 is not part of a secondary tile and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The platform &apos;%1&apos; is not one of apns, fcmv1, gcm, wns, mpns, adm, baidu, browser, xiaomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+209"/>
        <source>an object of tiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-206"/>
        <source>The member %1 is not part of an installation and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The installation has no installationId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installationId is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The installation has no platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The installation has no pushChannel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>this path can not be patched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there are no tags to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>there is no tag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>there is nothing to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there is no &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the body of a template is required and can not be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the body is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the template has no expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>there are no templates to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+12"/>
        <source>there is no template &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>there are no secondary tiles to remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+12"/>
        <source>there is no secondary tile &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the pushChannel of a tile is required and can not be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the installation has no userId</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the pushChannel is required and can not be removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 can not be changed by a patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+100"/>
        <source>installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The installation must be a JSON object, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+83"/>
        <source>a scalar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>installation patch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The installation patch must be a JSON array of operations, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Patch operation %1 is %2, not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Patch operation %1 has no &quot;path&quot; string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patch operation %1 on %2 has no &quot;op&quot; string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Patch operation %1 (%2 %3): </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the operation is not supported; use add, remove or replace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the operation needs a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the path must start with &apos;/&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::MpnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/mpnspayload.cpp" line="+86"/>
        <source>Toast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;wp:Notification&gt; must contain &lt;wp:Toast&gt; or &lt;wp:Tile&gt;, not &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;Notification&gt; is not in the WPNotification namespace, so it is sent as a raw notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>MPNS (format windowsphone) is deprecated and no longer supported by Notification Hubs; expect the send to fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source> (MPNS calls the tile target &quot;token&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The header X-WindowsPhone-Target must be toast or token, not &quot;%1&quot;%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The header X-NotificationClass must be 1, 2 or 3 (tile, toast, raw), or 11–13 / 21–23 for delayed delivery, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::NetworkErrors</name>
    <message>
        <location filename="../../core/client/networkerrors.cpp" line="+80"/>
        <source>no host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>It is not issued by an authority this computer trusts: for the local emulator, add its certificate to the connection&apos;s trusted certificates (nhemulator prints its path); behind a TLS-inspecting proxy, add the proxy&apos;s CA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is issued for %1, not for %2: connect with a host name the certificate names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check this computer&apos;s clock, or renew the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is valid from %1 to %2 (UTC) only: check this computer&apos;s clock, or renew the certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Its issuer has revoked it: the server needs a new certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Never turn certificate checks off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The TLS handshake with %1 failed, so nothing was sent: %2 For the local emulator, add its certificate to the connection&apos;s trusted certificates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the certificate %1 was refused because: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS handshake with %1 failed, so nothing was sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>a NotificationOutcome (XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a registration feed (Atom XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a registration entry (Atom XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an installation (JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NotificationDetails telemetry (XML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the expected body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Slow down: test sends are limited to 10 a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Compare the token&apos;s se with this computer&apos;s clock; if the clock is off, set it right (clock skew).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>By this computer&apos;s clock the token was still valid for %1 s when it was sent (se=%2, %3; clock %4), so the hub&apos;s clock is at least %1 s ahead of this computer&apos;s (clock skew). Set this computer&apos;s clock right (automatic time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The token had already expired by this computer&apos;s clock when it was sent (se=%1, %2; clock %3, %4 s later): sign tokens with a positive lifetime, and check this computer&apos;s clock (clock skew).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(no certificate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>issued by itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issued by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; (%2, SHA-256 %3, valid %4 to %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the test send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the direct send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the direct batch send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the scheduled send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelling the scheduled send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reading the telemetry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creating a registration id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>creating the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting the registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>listing registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listing registrations by tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saving the installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>patching the installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deleting the installation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reading the feedback container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the request %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cancelled: you stopped the request to %1 before it answered; the hub may still have received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No response from %1 within %2 s (the transfer timeout), so the request was abandoned; the hub may still have received it. Check the network and the hub, then try again, or raise the timeout in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The host name %1 could not be resolved (DNS), so nothing was sent to port %2. Check the Endpoint in the connection string for typos (sb://&lt;namespace&gt;.servicebus.windows.net/) and this computer&apos;s network and DNS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 refused the connection: nothing listens on port %2 of %3, so nothing was sent. Check the port in the Endpoint; for the local emulator, start nhemulator on that port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 closed the connection before answering (connection reset); the hub may or may not have received the request. Try again; if it repeats, a proxy, firewall or TLS inspection is dropping the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No response from %1 in time, so the request was abandoned; the hub may still have received it. Try again, or raise the timeout in the settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The proxy on the way to %1 failed: %2 Check the proxy settings (HTTPS_PROXY) and credentials.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The network was unavailable, so nothing reached %1. Reconnect and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 did not answer in HTTP: %2 Something other than a hub may listen there; check the host and port of the Endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request to %1 failed without an answer from the hub: %2 Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The hub answered %1%2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>It sent no details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The hub says: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub says: &quot;%1&quot; (TrackingId %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The body is not the hub&apos;s &lt;Error&gt; XML; it starts: &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the signature of the SAS token of rule &apos;%1&apos; is not valid (InvalidSignature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key in the connection string is not the current key of rule &apos;%1&apos;, or the namespace has no rule of that name: copy the connection string again from the portal&apos;s Access Policies; keys change when they are regenerated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the SAS token of rule &apos;%1&apos; has expired (ExpiredToken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the SAS token of rule &apos;%1&apos; was signed for %2, which does not cover %3 (InvalidAudience)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>another resource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign the hub URL (https://&lt;namespace&gt;/&lt;hub&gt;) or the namespace root, using the host, port and hub name of the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rule &apos;%1&apos; does not grant the %2 claim that %3 needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use a connection string whose rule grants %1 (DefaultFullSharedAccessSignature grants Listen, Send and Manage; DefaultListenSharedAccessSignature only Listen).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the request arrived without an Authorization header (MissingToken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the hub could not read the SAS token of rule &apos;%1&apos; (MalformedToken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the hub refused the SAS token of rule &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the key of rule &apos;%1&apos; and this computer&apos;s clock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the request was refused (Forbidden)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Either rule &apos;%1&apos; lacks the %2 right this operation needs (newer hubs answer 403 where older ones said &quot;claim is required&quot;), or the hub&apos;s pricing tier lacks the feature (telemetry and scheduled sends need Standard). Check the rule&apos;s claims and the hub&apos;s tier in the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>there is no hub named &apos;%1&apos; in the namespace at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>registration &apos;%1&apos; does not exist on hub &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>installation &apos;%1&apos; does not exist on hub &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hub &apos;%1&apos; has no scheduled notification &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was already sent or cancelled, or the id is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hub &apos;%1&apos; has no telemetry for notification &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Telemetry exists only after the hub has processed the send, and only on the Standard tier: read it again every 10 seconds or so, for up to 30 minutes, with the id from the send&apos;s Location.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>hub &apos;%1&apos; has nothing at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the hub name and the id in the request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>registration &apos;%1&apos; does not match the If-Match ETag %2 (Precondition Failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(none sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It changed since it was read, or is gone: reload it to get its current ETag, apply the change again and save, or use If-Match: * to overwrite it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the request body of %1 bytes is over the hub&apos;s limit of 64 KB (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the hub is unavailable or throttling requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the hub is throttling requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the hub failed on the service side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is usually transient: try again in a moment; if it persists, give Azure support the TrackingId %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is usually transient: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the hub will not use registration id &apos;%1&apos; (Gone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the hub refused the request as invalid (Bad Request)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The hub answered %1%2 to %3, but the body is not readable as %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The body is empty; send again to see whether it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An HTML page comes from a proxy or gateway in front of the hub, not from the hub: check the Endpoint and any proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cut connection or a proxy can mangle a response; send again to see whether it repeats.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Notification</name>
    <message>
        <location filename="../../core/protocol/notification.cpp" line="+44"/>
        <source>Device handle %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The device handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 contains a line break or control character at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The schedule time is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>expected the digits of the fraction of a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a fraction of a second has at most 7 digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the UTC offset is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected &apos;.&apos;, &apos;Z&apos;, an offset such as +02:00 or the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unexpected text after the time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule time &quot;%1&quot; names a date or time that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The schedule time &quot;%1&quot; is not valid at position %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>it ends where a digit was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>it ends where &apos;%1&apos; was expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The tag expression is empty; choose a broadcast to reach every registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The tag expression contains a line break or control character at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>A template notification cannot be sent to a device handle: the hub needs a registration&apos;s template to render it. Choose a native format or a tag target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A direct send needs exactly one device handle (%1 given); use a direct batch for more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An APNs device token is hexadecimal; this handle is not, so APNs will likely refuse it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A browser direct send needs the subscription&apos;s %1 key (the header %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A direct batch needs at least one device handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A direct batch takes at most %1 device handles, not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Device handle %1 repeats an earlier one; the device may get the notification twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A direct batch has no place for each subscription&apos;s P256DH and Auth keys; whether the hub delivers browser batches is unconfirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The schedule time is not a valid time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scheduled sends go to tags or to everyone; the hub cannot schedule a direct send to device handles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The schedule time %1 UTC is in the past (now %2 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule time %1 UTC is more than %2 days ahead; the hub schedules at most %2 days in advance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The batch request is %1 bytes; the hub refuses single sends over %2 bytes and does not document its limit for batches</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::NotificationDetails</name>
    <message>
        <location filename="../../core/protocol/notificationdetails.cpp" line="+82"/>
        <source>There are more than %1 &lt;Outcome&gt; entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Outcome %1 in &lt;%2&gt; has &lt;Name&gt; more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;Count&gt; of outcome %1 in &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Outcome %1 in &lt;%2&gt; has no &lt;%3&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&lt;%1&gt; is &quot;%2&quot;, which is not a date and time like 2015-11-02T21:19:43.9926996Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+152"/>
        <location line="+16"/>
        <source>&lt;%1&gt; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There are more than %1 …OutcomeCounts elements</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::NotificationOutcome</name>
    <message>
        <location filename="../../core/protocol/notificationoutcome.cpp" line="+50"/>
        <source>Result %1 has &lt;%2&gt; more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Result %1 (&lt;RegistrationResult&gt;) has no &lt;%2&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&lt;Results&gt; holds more than %1 results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The root element has a prefix (&lt;%1&gt;); the JS SDK rejects a prefixed root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&lt;Results&gt; appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The %1 has no &lt;Success&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no &lt;Failure&gt; element (taken as 0); the JS SDK rejects this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no &lt;Results&gt; element (taken as empty); the JS SDK rejects this</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::OutcomeModel</name>
    <message>
        <location filename="../../core/models/outcomemodel.cpp" line="+18"/>
        <location line="+21"/>
        <source>push service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Apple (APNs) certificate or token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase (FCM v1) service account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Google (GCM/FCM legacy) server key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows (WNS) package SID and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows Phone (MPNS) certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon (ADM) client id and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baidu API key and secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web Push (VAPID) keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xiaomi app secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The hub handed the notification to the push service, which accepted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>If the device shows nothing, check that the app allows notifications and that the payload and its headers suit the app (for Apple, apns-push-type must match the aps content).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The push service refused the device handle: it is malformed, or belongs to another app or environment (a sandbox APNs token sent to production, for example).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub has deleted this registration. Let the app register again with a fresh handle, and check that the hub&apos;s credentials match the app&apos;s environment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The handle is no longer valid: the app was uninstalled, or the push service rotated the token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub has deleted this registration. The app must register again when it next starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The hub&apos;s %1 is wrong or has expired, so the push service refused to talk to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Update the hub&apos;s %1 in the Azure portal (Notification Hub, Settings), then send again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The push service refused the payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the body and its headers against the platform&apos;s format; nhconsole validates them before sending, so compare with the warnings shown there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub reported an outcome that nhconsole does not recognise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search for the exact text in the Notification Hubs documentation; the message&apos;s telemetry may say more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Device handle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What it means</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::PayloadBuilder</name>
    <message>
        <location filename="../../core/protocol/payloadbuilder.cpp" line="+163"/>
        <source>The %1 starts with a byte order mark, which some JSON parsers refuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 is not valid UTF-8 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+440"/>
        <source>The %1 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-434"/>
        <source>unexpected %1 after the end of the JSON value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>end of text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>byte 0x%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The %1 ends too early: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 is refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The %1 is not valid JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>a value is missing at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>values are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>unexpected %1: expected a value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unexpected word &apos;%1&apos;: expected a value (a string in double quotes, a number, true, false, null, an object or an array)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a number is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a number may not have leading zeros</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected %1: expected a digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unexpected %1: expected a digit after the decimal point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected %1: expected a digit in the exponent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a \u escape is cut off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected %1: a \u escape needs four hexadecimal digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+29"/>
        <source>a string contains a raw control character (%1); write it as an escape such as \n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>unknown escape &apos;\%1&apos; in a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the string that starts at line %1, column %2 is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+17"/>
        <location line="+13"/>
        <source>an object is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-26"/>
        <source>unexpected &apos;}&apos; after &apos;,&apos;: JSON allows no trailing comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unexpected %1: expected a key in double quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected %1: expected &apos;:&apos; after the key &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unexpected %1: expected &apos;,&apos; or &apos;}&apos; after the value of &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>unexpected &apos;]&apos; after &apos;,&apos;: JSON allows no trailing comma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an array is not closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unexpected %1: expected &apos;,&apos; or &apos;]&apos; in an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+59"/>
        <source>The %1 is %2 bytes; the hub refuses bodies over %3 bytes (64 KB) with 413 Request Entity Too Large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1 payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The %1 must be a JSON object ({…}), not %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The value of &quot;%1&quot; must be a string, not %2; write it in quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 is %2 bytes; the hub accepts it, but %3 refuses payloads over %4 bytes, so the delivery will fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A platform header has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The header name &quot;%1&quot; is not a valid HTTP field name (letters, digits and !#$%&amp;&apos;*+-.^_`|~ only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The header %1 is set by nhconsole from the target, schedule and connection; remove it from the platform headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header %1 has no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The value of header %1 contains a line break or control character at position %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The %1 is %2 bytes, more than the %3 bytes accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a boolean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+11"/>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The %1 nests elements more than %2 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The %1 has no root element</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Platform</name>
    <message>
        <location filename="../../core/protocol/platform.cpp" line="+114"/>
        <source>Apple (APNs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase (FCM v1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Firebase legacy (GCM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows (WNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Windows Phone (MPNS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Amazon (ADM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baidu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Browser (Web Push)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Xiaomi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Profile</name>
    <message>
        <location filename="../../core/store/profilestore.cpp" line="+151"/>
        <source>A profile needs a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile name “%1…” is %2 characters long; the limit is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The profile name has a line break or control character at position %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Profile “%1” has no endpoint host; paste the connection string of its namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The endpoint host “%1” of profile “%2” is not a host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The port %1 of profile “%2” is not between 1 and 65535.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile “%1” has no SAS rule name (SharedAccessKeyName).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SAS rule name of profile “%1” is %2 characters long; the limit is 256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The SAS rule name of profile “%1” has the character &apos;%2&apos; at position %3; rule names use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The API version “%1” of profile “%2” is not a version like 2020-06.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The timeout of profile “%1” is %2 ms; it must be between %3 and %4 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Profile “%1”: the default tag expression is not valid. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The label of profile “%1” is %2 characters long; the limit is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The label of profile “%1” has a line break or control character at position %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The colour “%1” of profile “%2” is not of the form #rrggbb.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ProfileModel</name>
    <message>
        <location filename="../../core/models/profilemodel.cpp" line="+82"/>
        <source>%1: the local emulator, hub “%2”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: hub “%2” at %3, rule %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Production hub: sends reach real devices.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The key is kept in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Emulator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+31"/>
        <source>Hub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-28"/>
        <source>(running emulator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SAS rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::ProfileStore</name>
    <message>
        <location filename="../../core/store/profilestore.cpp" line="+333"/>
        <source>There is no profile “%1”. The profiles are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The settings file %1 could not be written; check that its folder exists and is writable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A profile with the id %1 exists already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+42"/>
        <source>There is a profile named “%1” already; profile names must be unique.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-16"/>
        <source>The profile “%1” does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Profile “%1” cannot change between hub and emulator; create a new profile instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+262"/>
        <location line="+29"/>
        <location line="+72"/>
        <location line="+43"/>
        <source>The profile %1 does not exist (any more).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-368"/>
        <source>The hub name “%1” is taken from the connection string&apos;s EntityPath.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Enter the hub name: a connection string names the namespace and a SAS rule, not the hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This file contains SAS keys in plain text. Anyone who has it can send to these hubs. Keep it safe and delete it once it is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The profile file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile file is %1 bytes long; at most %2 bytes are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The profile file is not valid JSON at position %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The profile file does not hold a JSON object at the top.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is not an nhconsole profile export: its “format” is “%1”, expected “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The profile file has no “version” number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile file has version %1; this nhconsole reads version %2. Update nhconsole to import it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The profile file has no “profiles” list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The profile file lists %1 profiles; at most %2 are imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Profile “%1” needs its SAS key: paste the connection string of the namespace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+43"/>
        <source>The key of profile “%1” is not base64; copy it again from the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Profile “%1” is an emulator profile; the emulator gives its key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 (copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Profile “%1” has no key in the keychain, so its copy “%2” has none either; paste the connection string to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+42"/>
        <source>“%1” is built in and cannot be deleted; you can rename or edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Profile “%1” was not deleted. %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+55"/>
        <source>The export contains the SAS keys of %n profile(s) in plain text. Anyone who has the file can send to these hubs; keep it safe and delete it once it is imported.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Profile “%1” has no key in the keychain; it is exported without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>%n profile(s) were imported, but %1 of their keys could not be stored. %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Nh::RegistrationFeed</name>
    <message>
        <location filename="../../core/protocol/registrationfeed.cpp" line="+163"/>
        <source>Entry %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The entry&apos;s etag attribute &apos;%1&apos; is not of the form W/&quot;n&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The entry&apos;s date &apos;%1&apos; was not understood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The entry has no registration description in its &lt;content&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A second element &lt;%1&gt; in &lt;content&gt; was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The &lt;RegistrationDescription&gt; has no i:type attribute naming its kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown registration description kind &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;%1&gt; is not a registration description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The element &lt;%1&gt; in namespace %2 was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The element &lt;%1&gt; is not part of a %2 and was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The element &lt;%1&gt; appears twice in &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The &lt;ETag&gt; value &apos;%1&apos; is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The &lt;ExpirationTime&gt; value &apos;%1&apos; is not an ISO 8601 date-time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The &lt;Tags&gt; value &apos;%1&apos; (line %2) has spaces or empty items; they were removed, but clients split tags on &apos;,&apos; only: write &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The handle element &lt;%1&gt; of &lt;%2&gt; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The &lt;BodyTemplate&gt; of &lt;%1&gt; is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The &lt;%1&gt; has no &lt;%2&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The template registration &lt;%1&gt; has no &lt;BodyTemplate&gt; element</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+22"/>
        <source>The element &lt;%1&gt; in &lt;%2&gt; was ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A &lt;%1&gt; has no &lt;Header&gt; name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Entry %1 was left out: unknown registration kind &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+259"/>
        <source>registration entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expected an Atom &lt;entry&gt; or a registration description, found &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>registration feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected an Atom &lt;feed&gt; of registrations, found &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::SasToken</name>
    <message>
        <location filename="../../core/protocol/sastoken.cpp" line="+167"/>
        <source>The Authorization header is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected a space after &apos;SharedAccessSignature&apos; at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The Authorization scheme is &apos;%1&apos;, not SharedAccessSignature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expected name=value at position %1 of the token, found &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The token has &apos;%1&apos; twice (position %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The token&apos;s &apos;%1&apos; at position %2 is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The token&apos;s signature (sig at position %1) is not base64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The token&apos;s expiry (se at position %1) is &apos;%2&apos;, not a number of seconds since 1970</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The token has no &apos;%1&apos; field; expected sr, sig, se and skn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>InvalidSignature: The token has an invalid signature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ExpiredToken: The token expired at %1 (%2 seconds ago).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>InvalidAudience: The token audience &apos;%1&apos; does not grant access to &apos;%2&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::SecretStore</name>
    <message>
        <location filename="../../core/store/secretstore.cpp" line="+32"/>
        <source>no details given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+240"/>
        <source>The key of profile “%1” is kept in memory for this run only, because no keychain is available (%2). It is gone when nhconsole exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because the keychain is locked (%2). It is gone when nhconsole exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because access to the keychain was denied (%2). It is gone when nhconsole exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key of profile “%1” is kept in memory for this run only, because the keychain reported an error (%2). It is gone when nhconsole exits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The key of profile “%1” is no longer kept in memory, but the keychain could not be reached (%2), so a key saved there in an earlier run may remain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+57"/>
        <source>No key is stored in the keychain for profile “%1”. Paste its connection string again to store the key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No keychain is available, so the key of profile “%1” cannot be read (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No keychain is available, so the key of profile “%1” cannot be saved (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No keychain is available, so the key of profile “%1” cannot be removed from it (%2). Start a Secret Service such as GNOME Keyring or KWallet and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be read (%2). Unlock the keyring (for example in Passwords and Keys) and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be saved (%2). Unlock the keyring (for example in Passwords and Keys) and try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain is locked, so the key of profile “%1” cannot be removed (%2). Unlock the keyring (for example in Passwords and Keys) and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be read (%2). Allow nhconsole to use the keychain and try again, or paste the connection string again and keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be saved (%2). Allow nhconsole to use the keychain and try again, or keep the key in memory for this run only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Access to the keychain was denied, so the key of profile “%1” cannot be removed (%2). Allow nhconsole to use the keychain and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keychain could not read the key of profile “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain could not save the key of profile “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain could not remove the key of profile “%1”: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::SelfSignedCertificate</name>
    <message>
        <location filename="../../core/emulator/selfsignedcert.cpp" line="+39"/>
        <source>Could not create the certificate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>EC P-256 key generation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>X509_new failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+33"/>
        <source>adding the X.509 extensions failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>signing failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PEM encoding failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The certificate is not a PEM X.509 certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Could not create the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write the emulator certificate to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::SendCommand</name>
    <message>
        <location filename="../../core/cli/sendcommand.cpp" line="+72"/>
        <source>The ServiceBusNotification-Format: %1 (default: template).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body: TEXT, @FILE or - (standard input). Default: the format&apos;s default preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A template property NAME=VALUE (repeatable); builds a template body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to a tag or tag expression (ServiceBusNotification-Tags).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send directly to a PNS handle; repeat for a direct batch (up to 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to every registration of the format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A platform header NAME:VALUE (repeatable), e.g. apns-push-type:alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule the send (Standard tier): 2026-01-31T12:00:00 (UTC), ISO 8601 with Z or an offset, or +30s/+10m/+2h/+1d from now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A real send: without the test flag the hub answers without an outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send N times and print a summary (sends/s, latency, errors).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --repeat: sends in flight at once (default 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Send a notification (a test send by default) and show request and outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends one notification to the hub, by default with the test flag so that the hub answers with the outcome of every registration it reached (at most 10), and shows the request headers next to the parsed outcome. Exactly one target is required: --tags, --handle or --broadcast.

Examples:
  nhcli send --format apple --tags &apos;sports &amp;&amp; !lang:fr&apos;
  nhcli send --template greeting_en=Hello --tags user:alice
  nhcli send --format fcmv1 --payload @msg.json --handle TOKEN --no-test
  nhcli send --format apple --broadcast --repeat 1000 --concurrency 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Unknown --format &apos;%1&apos;; use one of: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Give either --payload or --template properties, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--template builds a template body; it cannot be sent as --format %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--template expects NAME=VALUE, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Say who receives the send: --tags EXPR, --handle HANDLE (repeat for a batch) or --broadcast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give only one of --tags, --handle and --broadcast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--header expects NAME:VALUE, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--schedule expects 2026-01-31T12:00:00 (UTC), an ISO 8601 time with Z or an offset, or +30s/+10m/+2h/+1d, not &apos;%1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--%1 takes a whole number from 1 to %2, not &apos;%3&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--concurrency only applies with --repeat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>send takes no arguments (&apos;%1&apos;); the payload goes in --payload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+89"/>
        <source>%1/%2 sent, %3 failed, %4 sends/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 of %2 %3 in %4 s (concurrency %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>test sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 sends/s · latency p50 %2 ms · p99 %3 ms · min %4 ms · max %5 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Results: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First failure:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::TagExpression</name>
    <message>
        <location filename="../../core/protocol/tagexpression.cpp" line="+120"/>
        <source>Invalid character %1 at position %2 in a tag: valid tag characters are alphanumeric, _, @, -, ., : and #</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (to target any of several tags, join them with &apos;||&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Tag &apos;%1&apos; at position %2 contains non-ASCII characters: the service accepts them, but some SDKs (iOS) refuse them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Tag at position %1 is %2 characters long; the limit is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tags can not start with $. The tag at position %1 is neither $InstallationId:{id} nor $UserId:{id}, the only system tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>System tag at position %1 needs braces around its id, not square brackets: write %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System tag at position %1 needs braces around its id: write %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Invalid character %1 at position %2 in the id of a system tag: valid id characters are alphanumeric, _, @, -, ., :, # and =</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>System tag at position %1 has no closing &apos;}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>System tag at position %1 has an empty id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid character %1 at position %2 after the closing &apos;}&apos; of a system tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tags can not start with $. The tag at position %1 does; system tags such as $InstallationId:{id} are added by the service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+214"/>
        <source>Single &apos;&amp;&apos; at position %1: use &apos;&amp;&amp;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Single &apos;|&apos; at position %1: use &apos;||&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+35"/>
        <source>tag &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unexpected end of expression at position %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected %1 at position %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The expression is nested too deeply at position %1: at most %2 levels of &apos;(&apos; and &apos;!&apos; are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The tag expression is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unexpected &apos;)&apos; at position %1: there is no matching &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected &apos;&amp;&amp;&apos;, &apos;||&apos; or the end of the expression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&apos;&amp;&amp;&apos; and &apos;||&apos; are mixed without parentheses at position %1: the service does not document their precedence; nhconsole reads this as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Unclosed &apos;(&apos; at position %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected &apos;&amp;&amp;&apos;, &apos;||&apos; or &apos;)&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>expected a tag or &apos;(&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The expression has %1 tags; the service allows at most %2 in an expression that uses only &apos;||&apos;. The first tag over the limit is at position %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The expression has %1 tags; the service allows at most %2 when &apos;&amp;&amp;&apos; or &apos;!&apos; is used (%3 with only &apos;||&apos;). The first tag over the limit is at position %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The tag is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Empty tag at position %1 of the tag list: remove the extra &apos;,&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Spaces around tag &apos;%1&apos; at position %2 were removed: SDKs split tags on &apos;,&apos; without trimming, so write the list without spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tag &apos;%1&apos; at position %2 repeats an earlier tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The list has %1 tags; the documented limit is %2 per registration (the service may accept more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::TemplatePayload</name>
    <message>
        <location filename="../../core/protocol/payloads/templatepayload.cpp" line="+36"/>
        <source>Title and body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Single message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Message and badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A template payload must be a flat JSON object of strings, not %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The template property &quot;%1&quot; must be a string, not %2: template values are strings only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The template property &quot;%1&quot; appears twice (first at line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The template payload has no properties: every $(name) in the templates will be empty</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::WebPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/webpayload.cpp" line="+33"/>
        <source>The header %1 must be base64url (A–Z, a–z, 0–9, - and _); position %2 has &apos;%3&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The header %1 decodes to %2 bytes; a browser subscription&apos;s key has %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+49"/>
        <source>Notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Notification with a link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::WnsPayload</name>
    <message>
        <location filename="../../core/protocol/payloads/wnspayload.cpp" line="+101"/>
        <source>Toast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+17"/>
        <source>X-WNS-Type is %1 but the %2 is not XML; send raw content with X-WNS-Type: wns/raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source> in the namespace &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The root element of the %1 is &lt;%2&gt;%3; WNS accepts &lt;toast&gt;, &lt;tile&gt; or &lt;badge&gt; without a namespace, or raw content with X-WNS-Type: wns/raw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>X-WNS-Type is %1 but the root element is &lt;%2&gt;; WNS will refuse the notification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The header X-WNS-Type must be wns/toast, wns/tile, wns/badge or wns/raw, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header X-WNS-Cache-Policy must be cache or no-cache, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The header %1 must be true or false, not &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The header X-WNS-TTL must be a number of seconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The header X-WNS-PRIORITY must be 1, 2, 3 or 4, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The header X-WNS-Tag is %1 characters long; WNS accepts at most %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Nh::Xml</name>
    <message>
        <location filename="../../core/protocol/xmlutil.cpp" line="+143"/>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The %1 document is not well-formed XML: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The %1 document is not well-formed XML: it holds the character U+%2, which XML does not allow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 document is not well-formed XML: it does not start with &apos;&lt;&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 document ends too early: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The %1 document is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 document is %2 bytes, more than the %3 bytes accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Expected a &lt;%1&gt; document, but the root element is &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Elements are nested more than %1 levels deep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unexpected element &lt;%1&gt; inside &lt;%2&gt;: expected text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 appears more than once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is empty: expected a count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is &quot;%2&quot;, which is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is &quot;%2&quot;: a count cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is &quot;%2&quot;, larger than the largest count (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The %1 document ends too early</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <location filename="../../ui/outcomeview.cpp" line="+45"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Started (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retry-After</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+51"/>
        <location line="+155"/>
        <source>Registrations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-205"/>
        <source>Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;Response&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Success &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failure &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State &lt;b&gt;%1&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notification id &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tracking id &lt;tt&gt;%1&lt;/tt&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Registrations (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No registration matched this format and target, so the hub reached no device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hub reports each registration&apos;s outcome only for test sends. Turn on Test send in the composer to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No outcome: the request did not succeed. The banner above says why; the Response tab has the hub&apos;s answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>HTTP %1 %2</source>
        <extracomment>The response&apos;s status line, e.g. &quot;HTTP 201 Created&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No HTTP response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Time to first byte: &lt;b&gt;%1&lt;/b&gt; · Total: &lt;b&gt;%2&lt;/b&gt; · Attempts: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 delivered, %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The hub passed the test send to the push services of %n registration(s); each one&apos;s outcome is below.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The hub accepted the notification. Only a test send says which registrations it reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The hub said: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Next:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Press Send (Ctrl+Enter) to see the hub&apos;s answer here: each registration the test send reached, its outcome and what it means.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SessionList</name>
    <message>
        <location filename="../../ui/sessionlist.cpp" line="+37"/>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 · %2 ok, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nhconsole</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+31"/>
        <source>A debugging console for Azure Notification Hubs. The first start talks to a bundled local emulator, so no Azure account is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Folder for the bundled emulator&apos;s certificate (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nhemulator</name>
    <message>
        <location filename="../../app/emulator/main.cpp" line="+28"/>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Manage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>A local emulator of the Azure Notification Hubs REST API over HTTPS.
It prints the certificate to trust and ready connection strings, then serves until stopped.

Deterministic outcomes: a registration whose handle contains &apos;expired&apos;, &apos;invalid&apos;, &apos;badcredential&apos; or &apos;badpayload&apos; gets that outcome on a send (and the first two are then deleted, as the service does).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Port on 127.0.0.1 and ::1 (0 = any free port).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hub name; repeat for more hubs (the first gets the demo data).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Keep the namespace (keys, registrations, installations) in this SQLite file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Folder for the TLS certificate (made on first start, then reused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start with an empty hub instead of demo registrations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Refuse more than 10 test sends per minute with 429, as the service does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Inject a fault: SPEC[@OPERATION], e.g. &apos;status=429;retry-after=1@send.test&apos;, &apos;reset@registrations&apos;, &apos;delay=2000&apos;. Repeatable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print every exchange (secrets redacted).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the start-up information as one JSON line (for scripts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <source>nhemulator: --port must be a number from 0 to 65535, not &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>nhemulator %1 listening on https://localhost:%2/ (hub &quot;%3&quot;)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Certificate: %1
Trust it for Python and Node clients:
  export SSL_CERT_FILE=%1
  export NODE_EXTRA_CA_CERTS=%1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
Connection strings (hub name: %1):
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>
Press Ctrl+C to stop.
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

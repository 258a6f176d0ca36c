// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Delivery outcomes explained: a registration's result, telemetry details and counts.
#include "client/explainerdetail.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh {

namespace ExplainerDetail {

Explanation invalidHandle(std::optional<Platform> platform, bool expired)
{
    Explanation x;
    x.cause = expired
        ? Tr::tr("The push service says this registration's handle is no longer valid: "
                 "the app was uninstalled, or the device's token was renewed. The hub "
                 "deletes such registrations.")
        : Tr::tr("The push service refused this registration's handle as invalid. The "
                 "hub deletes such registrations.");
    switch (platform.value_or(Platform::Windows)) {
    case Platform::Apple:
        x.nextStep = Tr::tr("Register again from the app with a fresh device token. A token from a "
                            "development build only works with a sandbox APNs credential on the "
                            "hub, and a release build's only with a production one.");
        // The hub's APNs environment (its endpoint) is half of that: the Hub page shows it.
        x.hubConfiguration = !expired;
        break;
    case Platform::FcmV1:
    case Platform::Gcm:
        x.nextStep = Tr::tr("Register again from the app with a fresh FCM registration token, and "
                            "check that the token comes from the Firebase project whose "
                            "credentials the hub holds.");
        break;
    default:
        x.nextStep = Tr::tr("Register again from the app with a fresh handle (token or channel "
                            "URI) issued for this app.");
        break;
    }
    x.docsHint = kDocsFixer;
    return x;
}

Explanation badCredentials(std::optional<Platform> platform)
{
    Explanation x;
    x.cause = Tr::tr("The push service refused the hub's own credentials for it (the token the hub "
                     "obtained from the push service's token provider is wrong or invalid), so no "
                     "registration of this platform can be reached.");
    x.docsHint = kDocsFixer;
    x.hubConfiguration = true; // the hub's credential: the Hub page shows and checks it
    switch (platform.value_or(Platform::Windows)) {
    case Platform::Apple:
        x.nextStep = Tr::tr("Fix the Apple (APNs) settings of the hub in the Azure portal: the key "
                            "id, team id, bundle id and .p8 key (or the certificate), and the "
                            "sandbox/production mode matching the app's build.");
        x.docsHint = kDocsApns;
        break;
    case Platform::FcmV1:
        x.nextStep = Tr::tr("Fix the Google (FCM v1) settings of the hub in the Azure portal: the "
                            "project id, client email and private key of a service account of the "
                            "app's Firebase project.");
        x.docsHint = kDocsFcmMigration;
        break;
    case Platform::Gcm:
        x.nextStep = Tr::tr("Google stopped the legacy FCM API on 2024-06-20: configure FCM v1 "
                            "credentials on the hub and register the devices again as fcmv1.");
        x.docsHint = kDocsFcmMigration;
        break;
    case Platform::Windows:
        x.nextStep = Tr::tr("Fix the Windows (WNS) settings of the hub in the Azure portal: the "
                            "package SID and security key of the app.");
        break;
    default:
        x.nextStep = Tr::tr("Fix this platform's credentials on the hub in the Azure portal.");
        break;
    }
    return x;
}

Explanation invalidPayload(std::optional<Platform> platform)
{
    Explanation x;
    x.cause =
        Tr::tr("The push service refused the payload: it is not what this platform accepts, or "
               "it is too large.");
    x.docsHint = kDocsFixer;
    switch (platform.value_or(Platform::Adm)) {
    case Platform::Apple:
        x.nextStep =
            Tr::tr("Send a JSON object with an \"aps\" dictionary, at most 4 KB, and an "
                   "apns-push-type that fits it (background pushes need apns-priority 5).");
        x.docsHint = kDocsApns;
        break;
    case Platform::FcmV1:
        x.nextStep = Tr::tr("Wrap the payload in {\"message\":{…}} without a token, and give "
                            "\"data\" string values only.");
        x.docsHint = kDocsFcmMigration;
        break;
    case Platform::Windows:
        x.nextStep = Tr::tr("Send XML whose root matches X-WNS-Type (toast, tile, badge), or raw "
                            "bytes of at most 5 KB with wns/raw.");
        x.docsHint = kDocsWns;
        break;
    default:
        x.nextStep = Tr::tr("Check the payload against the platform's format and size limits; the "
                            "composer's validation names what is wrong.");
        break;
    }
    return x;
}

Explanation noTargets(const QString &tags, std::optional<Format> format)
{
    Explanation x;
    // "apple registration", or just "registration" when the format is not known.
    const QString formatName = format ? formatWireName(*format) + u' ' : QString();
    if (tags.isEmpty())
        x.cause = Tr::tr("The broadcast reached no registration: the hub has no %1registration.")
                      .arg(formatName);
    else
        x.cause = Tr::tr("The expression reached no registration of this format: \"%1\" matched no "
                         "%2registration.")
                      .arg(tags, formatName);
    x.nextStep =
        Tr::tr("Check the tags with the reach preview or list registrations by tag. A "
               "native format reaches only registrations of its own platform, and template "
               "sends reach only template registrations.");
    x.docsHint = kDocsTags;
    return x;
}

/** Telemetry outcome names (docs/protocol.md §5.4) as the outcome explanations above. */
Explanation explainDeliveryName(QStringView name, std::optional<Platform> platform)
{
    const auto is = [&](std::initializer_list<QStringView> names) {
        for (QStringView n : names) {
            if (name.compare(n, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    };
    if (is({u"Success"}))
        return explainOutcome(QString(kOutcomeSuccess), platform);
    if (is({u"WrongToken", u"BadChannel", u"NotFound"}))
        return invalidHandle(platform, false);
    if (is({u"ExpiredChannel", u"ChannelDisconnected"}))
        return invalidHandle(platform, true);
    if (is({u"InvalidCredentials"}))
        return badCredentials(platform);
    if (is({u"InvalidNotificationFormat", u"InvalidNotificationSize"}))
        return invalidPayload(platform);
    if (is({u"NoTargets"}))
        return noTargets({}, std::nullopt);
    Explanation x;
    if (is({u"Throttled", u"ChannelThrottled"})) {
        x.cause = Tr::tr("The push service throttled deliveries to these devices.");
        x.nextStep = Tr::tr("Send less often to the same devices and try again later.");
    } else if (is({u"PnsUnreachable", u"PnsUnavailable", u"PnsServerError",
                   u"PnsInterfaceError"})) {
        x.cause = Tr::tr("The hub could not reach the push service, or it failed on its side.");
        x.nextStep = Tr::tr("This is usually transient: send again later.");
    } else if (is({u"Skipped"})) {
        x.cause = Tr::tr("Some registrations were skipped because they repeat a handle that was "
                         "already sent to.");
        x.nextStep = Tr::tr("Remove duplicate registrations of the same device.");
    } else if (is({u"Dropped", u"AbandonedNotificationMessages"})) {
        x.cause =
            Tr::tr("The hub dropped the notification for these registrations before handing it "
                   "to the push service.");
        x.nextStep = Tr::tr("Send again; if it persists, open the PNS error details of the "
                            "telemetry.");
    } else {
        x.cause = Tr::tr("The hub reported the delivery outcome \"%1\", which nhconsole has no "
                         "specific advice for.")
                      .arg(name);
        x.nextStep = Tr::tr("Look the name up in the telemetry documentation.");
    }
    x.docsHint = kDocsTelemetry;
    return x;
}

Explanation explainDetails(const NotificationDetails &d)
{
    Explanation x;
    x.docsHint = kDocsTelemetry;
    switch (d.state) {
    case NotificationState::Enqueued:
    case NotificationState::Processing:
        x.cause = Tr::tr("The hub has not finished processing this notification yet (state %1).")
                      .arg(d.stateText);
        x.nextStep =
            Tr::tr("Read the telemetry again in about 10 seconds; processing can take up to "
                   "30 minutes.");
        return x;
    case NotificationState::Scheduled:
        x.cause = Tr::tr("The notification waits for its scheduled time.");
        x.nextStep = Tr::tr("Read the telemetry again after the schedule time.");
        return x;
    case NotificationState::Canceled:
        x.cause = Tr::tr("The scheduled notification was cancelled before it was sent.");
        return x;
    case NotificationState::Abandoned:
        x.cause = Tr::tr("The hub abandoned the notification: it was not processed within 30 "
                         "minutes.");
        x.nextStep = Tr::tr("Send it again.");
        return x;
    case NotificationState::NoTargetFound:
        return noTargets(d.tags, std::nullopt);
    case NotificationState::Completed:
    case NotificationState::DetailedStateAvailable:
    case NotificationState::Unknown:
        break;
    }
    // The first failing count decides the advice; the counts themselves are shown elsewhere.
    qint64 failed = 0;
    qint64 total = 0;
    std::optional<Explanation> first;
    for (const PlatformOutcomeCounts &pc : d.outcomeCounts) {
        for (const OutcomeCount &c : pc.outcomes) {
            total += c.count;
            if (c.name.compare(u"Success"_s, Qt::CaseInsensitive) == 0)
                continue;
            failed += c.count;
            if (!first)
                first = explainDeliveryName(c.name, platformFromCountsName(pc.platform));
        }
    }
    if (first) {
        first->cause = trn("%n of %1 deliveries failed. ", failed).arg(total) + first->cause;
        return *first;
    }
    x.cause = d.stateText.isEmpty()
        ? Tr::tr("The hub returned the notification's telemetry.")
        : Tr::tr("The hub reports the notification as %1.").arg(d.stateText);
    return x;
}

Explanation explainOutcomeCounts(const NotificationOutcome &o, bool templateSend)
{
    const auto failing =
        std::find_if(o.results.cbegin(), o.results.cend(), [](const RegistrationResult &r) {
            return classifyOutcome(r.outcome) != OutcomeKind::Success;
        });
    if (o.failure == 0 && failing == o.results.cend()) {
        // explainOutcome()'s next step and docs, but one sentence that says it once, with the
        // count: its cause would say "handed to the push service" a second time.
        Explanation x = explainOutcome(QString(kOutcomeSuccess));
        x.cause = trn("The hub handed the notification to the push service for %n "
                      "registration(s). ",
                      o.success)
            + Tr::tr("Delivery from there to the device is up to the push service and the "
                     "device.");
        return x;
    }
    Explanation x = failing == o.results.cend()
        ? explainOutcome(QString())
        : explainOutcome(failing->outcome, platformFromWireName(failing->applicationPlatform));
    if (templateSend && failing != o.results.cend()
        && classifyOutcome(failing->outcome) == OutcomeKind::InvalidPayload) {
        // Not the request's body: what that registration's template rendered into.
        x.cause = Tr::tr("The push service refused the payload a registration's template "
                         "rendered into with the properties sent.");
        x.nextStep = Tr::tr("Select the registration to see what it received, then fix its "
                            "template (nhcli templates lint names what is wrong) or send the "
                            "properties it needs.");
        x.docsHint = kDocsTemplates;
    }
    x.cause = Tr::tr("%1 registration(s) failed and %2 succeeded. ").arg(o.failure).arg(o.success)
        + x.cause;
    return x;
}

} // namespace ExplainerDetail

using namespace ExplainerDetail;

Explanation explainOutcome(QStringView outcomeText, std::optional<Platform> platform)
{
    switch (classifyOutcome(outcomeText)) {
    case OutcomeKind::Success: {
        Explanation x;
        x.cause = Tr::tr("The hub handed the notification to the push service. Delivery from there "
                         "to the device is up to the push service and the device.");
        x.nextStep = Tr::tr("If it does not show on the device, check that the app may show "
                            "notifications, how it handles them in the foreground, and that the "
                            "handle belongs to this app.");
        x.docsHint = kDocsFixer;
        return x;
    }
    case OutcomeKind::InvalidHandle:
        return invalidHandle(platform, false);
    case OutcomeKind::ExpiredHandle:
        return invalidHandle(platform, true);
    case OutcomeKind::BadCredentials:
        return badCredentials(platform);
    case OutcomeKind::InvalidPayload:
        return invalidPayload(platform);
    case OutcomeKind::Unknown:
        break;
    }
    Explanation x;
    x.cause = outcomeText.trimmed().isEmpty()
        ? Tr::tr("The hub reported a failure without an outcome text.")
        : Tr::tr("The hub reported \"%1\", an outcome nhconsole has no specific advice for; it is "
                 "shown exactly as the hub sent it.")
              .arg(outcomeText.trimmed());
    x.nextStep = Tr::tr("Send again to see whether it repeats, and compare with the telemetry of a "
                        "normal send.");
    x.docsHint = kDocsFixer;
    return x;
}

} // namespace Nh

// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "emulator/emulatoroperations.h"
#include "protocol/installation.h"

using namespace Qt::Literals::StringLiterals;

namespace Nh::EmulatorOps {

EmulatorReply putInstallation(Context &c, const QString &id)
{
    auto parsed = parseInstallation(c.request.body);
    if (!parsed)
        return c.error(400, Tr::tr("The installation is invalid: %1").arg(parsed.error().message));
    if (parsed->installationId != id) {
        return c.error(400,
                       Tr::tr("The installationId in the body ('%1') differs from the one in the "
                              "URL ('%2').")
                           .arg(parsed->installationId, id));
    }
    for (const QString &t : std::as_const(parsed->tags)) {
        if (t.startsWith(u'$'))
            return c.error(400, Tr::tr("Tags can not start with $."));
    }
    if (auto problem = EmulatorTemplates::installationProblem(*parsed))
        return c.error(400, *problem);
    c.state->putInstallation(*c.hub, *parsed);
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}}; // no Content-Location: the service sends none
    return r;
}

EmulatorReply getInstallation(Context &c, const QString &id)
{
    // The service's text, without a full stop: its Detail reads "Installation not
    // found.TrackingId:…" (docs/protocol.md §3.4).
    const auto it = c.hub->installations.find(id);
    if (it == c.hub->installations.end())
        return c.error(404, Tr::tr("Installation not found"));
    EmulatorReply r;
    // The service labels the JSON body application/xml (docs/protocol.md §7.1); clients must cope.
    r.headers = {{"Content-Type"_ba, kXml}};
    r.body = installationJson(it->second);
    return r;
}

EmulatorReply patchInstallation(Context &c, const QString &id)
{
    const auto it = c.hub->installations.find(id);
    if (it == c.hub->installations.end())
        return c.error(404, Tr::tr("Installation not found"));
    auto patched = applyInstallationPatch(it->second, c.request.body);
    if (!patched)
        return c.error(
            400, Tr::tr("The installation patch is invalid: %1").arg(patched.error().message));
    if (auto problem = EmulatorTemplates::installationProblem(*patched))
        return c.error(400, *problem);
    c.state->putInstallation(*c.hub, *patched);
    EmulatorReply r;
    r.headers = {{"Content-Length"_ba, "0"_ba}};
    return r;
}

EmulatorReply deleteInstallation(Context &c, const QString &id)
{
    c.state->removeInstallation(*c.hub, id);
    EmulatorReply r;
    r.status = 204;
    return r;
}

} // namespace Nh::EmulatorOps

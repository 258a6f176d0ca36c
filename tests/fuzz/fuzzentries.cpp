// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzentries.h"

#include "common/httpheaders.h"
#include "emulator/emulatorservice.h"
#include "emulator/emulatorstate.h"
#include "emulator/faults.h"
#include "protocol/connectionstring.h"
#include "protocol/directbatch.h"
#include "protocol/errorbody.h"
#include "protocol/hubchecks.h"
#include "protocol/hubdescription.h"
#include "protocol/installation.h"
#include "protocol/notificationdetails.h"
#include "protocol/notificationoutcome.h"
#include "protocol/payloadbuilder.h"
#include "protocol/payloads/templatepayload.h"
#include "protocol/platform.h"
#include "protocol/registrationfeed.h"
#include "protocol/sastoken.h"
#include "protocol/tagexpression.h"
#include "protocol/templatedocument.h"
#include "protocol/templateexpression.h"
#include "protocol/templatelinter.h"
#include "protocol/templaterenderer.h"

#include <QDateTime>
#include <QUrl>
#include <cstdio>
#include <cstdlib>

using namespace Qt::Literals::StringLiterals;

namespace Nh::Fuzz {
namespace {

[[noreturn]] void violated(const char *target, const char *what, const QByteArray &detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken in %s: %s\n%s\n", target, what,
                 detail.left(2000).constData());
    std::abort();
}

/** An error has a code, a message, and a location inside the input (`size` in its units). */
void checkError(const char *target, const Error &e, qsizetype size)
{
    if (e.code == ErrorCode::None)
        violated(target, "error without a code", e.message.toUtf8());
    if (e.message.trimmed().isEmpty())
        violated(target, "error without a message");
    if (e.offset < -1 || e.offset > size || e.length < 0
        || (e.offset >= 0 && e.offset + e.length > size)) {
        violated(target, "error located outside the input",
                 QByteArray::number(e.offset) + '+' + QByteArray::number(e.length) + " of "
                     + QByteArray::number(size) + ": " + e.message.toUtf8());
    }
    if (e.line < 0 || e.column < 0 || (e.line == 0 && e.column != 0))
        violated(target, "error with an impossible line/column", e.message.toUtf8());
}

template<typename T> bool accepted(const char *target, const Result<T> &r, qsizetype size)
{
    if (!r.ok())
        checkError(target, r.error(), size);
    return r.ok();
}

QString text(QByteArrayView input)
{
    return QString::fromUtf8(input);
}

void connectionStringEntry(QByteArrayView input)
{
    const QString s = text(input);
    const auto cs = ConnectionString::parse(s);
    if (!accepted("connectionstring", cs, s.size()))
        return;
    const QString canonical = cs->toString();
    const auto again = ConnectionString::parse(canonical);
    if (!again)
        violated("connectionstring", "toString() does not parse", canonical.toUtf8());
    if (again->host() != cs->host() || again->port() != cs->port()
        || again->keyName() != cs->keyName() || again->key() != cs->key())
        violated("connectionstring", "toString() parses to other parts", canonical.toUtf8());
    if (again->toString() != canonical)
        violated("connectionstring", "toString() is not stable", canonical.toUtf8());
    (void)cs->toRedactedString();
    (void)cs->hubUrl(u"hub"_s);
}

void sasTokenEntry(QByteArrayView input)
{
    const QString s = text(input);
    const auto token = Sas::decode(s);
    if (!accepted("sastoken", token, s.size()))
        return;
    if (token->rawSr.isEmpty() || token->rawSig.isEmpty() || token->rawSe.isEmpty())
        violated("sastoken", "accepted a token without sr, sig or se", input.toByteArray());
    // Validation of a decoded token never fails without saying why.
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    const auto st = Sas::validate(
        *token, u"key"_s, QUrl(u"https://contoso.servicebus.windows.net/hub/messages"_s), now);
    if (!st && st.error().message.isEmpty())
        violated("sastoken", "validate() failed without a message");
    (void)token->secondsLeft(now);
}

void tagExpressionEntry(QByteArrayView input)
{
    const QString s = text(input);
    const auto e = TagExpression::parse(s, TagExpression::Limits::Report);
    if (!accepted("tagexpression", e, s.size()))
        return;
    (void)e->checkLimits();
    (void)TagExpression::parse(s, TagExpression::Limits::Enforce);
    const QString normalized = e->normalized();
    const auto again = TagExpression::parse(normalized, TagExpression::Limits::Report);
    if (!again)
        violated("tagexpression", "normalized() does not parse",
                 normalized.toUtf8() + "\n" + again.error().message.toUtf8());
    if (again->normalized() != normalized)
        violated("tagexpression", "normalized() is not stable", normalized.toUtf8());
    const QStringList tags = e->tags();
    (void)e->matches(QSet<QString>(tags.begin(), tags.end()));
    (void)e->matches({});
}

void payloadEntry(QByteArrayView input)
{
    const QByteArray body = input.toByteArray();
    for (int f = 0; f < kFormatCount; ++f) {
        const PayloadBuilder &builder = payloadBuilder(static_cast<Format>(f));
        const Status st = builder.validate(body, {});
        if (!st)
            checkError("payload", st.error(), body.size());
        (void)builder.contentType(body, {});
        (void)builder.platformHeaders(body, {});
    }
    const auto json = JsonDocument::parse(body, u"payload"_s);
    (void)accepted("payload", json, body.size());
    const auto outline = readXmlOutline(body, u"payload"_s);
    (void)accepted("payload", outline, body.size());
    const auto properties = TemplatePayload::propertiesFromBody(body);
    if (accepted("payload", properties, body.size())) {
        const QByteArray rebuilt = TemplatePayload::bodyFromProperties(*properties);
        const auto again = TemplatePayload::propertiesFromBody(rebuilt);
        if (!again)
            violated("payload", "template properties written back do not parse", rebuilt);
        if (TemplatePayload::bodyFromProperties(*again) != rebuilt)
            violated("payload", "template properties written back are not stable", rebuilt);
    }
}

/** A span [offset, offset + length) inside a text of `size` (offset -1: unlocated). */
void checkSpan(const char *target, const char *what, qsizetype offset, qsizetype length,
               qsizetype size)
{
    if (offset < -1 || length < 0 || offset > size || (offset >= 0 && offset + length > size))
        violated(target, what,
                 QByteArray::number(offset) + '+' + QByteArray::number(length) + " of "
                     + QByteArray::number(size));
}

/// The first byte picks the platform, the first line is also a template header value, the
/// whole text is one value and the body.
void templateEntry(QByteArrayView input)
{
    const char *name = "template";
    const QString text = QString::fromUtf8(input.size() > 1 ? input.sliced(1) : QByteArrayView());
    const auto platform =
        static_cast<Platform>(input.isEmpty() ? 0 : quint8(input[0]) % kPlatformCount);

    const auto e = TemplateExpression::parse(text);
    if (accepted(name, e, text.size())) {
        for (const TemplateTerm &t : e->terms())
            checkSpan(name, "term outside the value", t.offset, t.length, text.size());
        if (!TemplateExpression::serviceErrorText(text).isEmpty())
            violated(name, "a valid value has a service error text", text.toUtf8());
    } else if (TemplateExpression::serviceErrorText(text).isEmpty()) {
        violated(name, "an invalid value has no service error text", text.toUtf8());
    }

    TemplateSource source;
    source.platform = platform;
    source.body = text;
    source.headers.append({u"X-WNS-Type"_s, text.section(u'\n', 0, 0)});
    source.expiry = u"$(exp)"_s;
    const auto doc = TemplateDocument::parse(source);
    const TemplateLint lint = TemplateLinter::lint(source);
    for (const TemplateFinding &f : lint.findings) {
        const qsizetype size = f.field == TemplateField::Body ? text.size()
            : f.field == TemplateField::Header                ? text.section(u'\n', 0, 0).size()
                                                              : 6;
        if (f.message.isEmpty())
            violated(name, "a finding without a message");
        checkSpan(name, "finding outside its field", f.offset, f.length, size);
    }
    if (!accepted(name, doc, text.size()))
        return;
    for (const TemplateSlot &s : doc->values()) {
        const qsizetype size = s.field == TemplateField::Body ? text.size() : s.value.size();
        checkSpan(name, "value outside its field", s.offset, s.length, size);
        if (!s.sourceMap.isEmpty() && s.sourceMap.size() != s.value.size() + 1)
            violated(name, "source map of the wrong size", s.value.toUtf8());
        if (s.error)
            checkSpan(name, "value error outside its field", s.error->offset, s.error->length,
                      size);
    }
    const auto rendered = TemplateRenderer::render(
        *doc, TemplatePropertyBag({{u"a"_s, u"x<&\"y"_s}, {u"n"_s, u"42"_s}, {u"exp"_s, u"0"_s}}));
    if (!rendered) {
        if (!doc->firstError())
            violated(name, "render failed on a template without errors", text.toUtf8());
        return;
    }
    for (const TemplateSubstitution &s : rendered->substitutions) {
        if (s.field == TemplateField::Body) {
            checkSpan(name, "substitution outside the rendered body", s.offset, s.length,
                      rendered->body.size());
            if (!s.number && rendered->body.mid(s.offset, s.length).isEmpty() != s.text.isEmpty())
                violated(name, "substitution span and text disagree", rendered->body.toUtf8());
        }
    }
    if (!rendered->validation.ok())
        checkSpan(name, "validation error outside the rendered body",
                  rendered->validation.error().offset, rendered->validation.error().length,
                  rendered->body.size());
}

void notificationOutcomeEntry(QByteArrayView input)
{
    const QByteArray xml = input.toByteArray();
    const auto o = parseNotificationOutcome(xml);
    if (!accepted("notificationoutcome", o, xml.size()))
        return;
    const QByteArray out = notificationOutcomeXml(*o);
    const auto again = parseNotificationOutcome(out);
    if (!again)
        violated("notificationoutcome", "the serialized outcome does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (notificationOutcomeXml(*again) != out)
        violated("notificationoutcome", "the serialized outcome is not stable", out);
    for (const RegistrationResult &r : o->results)
        (void)classifyOutcome(r.outcome);
}

void errorBodyEntry(QByteArrayView input)
{
    const QByteArray xml = input.toByteArray();
    const auto e = parseErrorBody(xml);
    if (!accepted("errorbody", e, xml.size()))
        return;
    const QByteArray out =
        errorBodyXml(e->code, e->text, e->trackingId, parseErrorTimeStamp(e->timeStamp));
    const auto again = parseErrorBody(out);
    if (!again)
        violated("errorbody", "the serialized error does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (again->code != e->code)
        violated("errorbody", "the serialized error has another code", out);
}

void notificationDetailsEntry(QByteArrayView input)
{
    const QByteArray xml = input.toByteArray();
    const auto d = parseNotificationDetails(xml);
    if (!accepted("notificationdetails", d, xml.size()))
        return;
    const QByteArray out = notificationDetailsXml(*d);
    const auto again = parseNotificationDetails(out);
    if (!again)
        violated("notificationdetails", "the serialized details do not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (notificationDetailsXml(*again) != out)
        violated("notificationdetails", "the serialized details are not stable", out);
}

EntryContext entryContext()
{
    EntryContext c;
    c.baseUrl = u"https://localhost:5001/hub"_s;
    c.query = u"api-version=2020-06"_s;
    c.now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    return c;
}

void registrationEntryEntry(QByteArrayView input)
{
    const QByteArray xml = input.toByteArray();
    const auto r = parseRegistrationEntry(xml);
    if (!accepted("registrationentry", r, xml.size()))
        return;
    const QByteArray out = registrationEntryXml(*r, entryContext());
    const auto again = parseRegistrationEntry(out);
    if (!again)
        violated("registrationentry", "the served entry does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (registrationEntryXml(*again, entryContext()) != out)
        violated("registrationentry", "the served entry is not stable", out);
    const QByteArray request = registrationRequestXml(*r);
    const auto fromRequest = parseRegistrationEntry(request);
    if (!fromRequest)
        violated("registrationentry", "the request body does not parse",
                 request + "\n" + fromRequest.error().message.toUtf8());
}

void registrationFeedEntry(QByteArrayView input)
{
    const QByteArray xml = input.toByteArray();
    const auto feed = parseRegistrationFeed(xml);
    if (!accepted("registrationfeed", feed, xml.size()))
        return;
    FeedContext c;
    c.baseUrl = u"https://localhost:5001/hub"_s;
    c.query = u"api-version=2020-06&$top=2"_s;
    c.updated = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    c.continuationToken = decodeContinuationToken(feed->continuationToken);
    const QByteArray out = registrationFeedXml(feed->entries, c);
    const auto again = parseRegistrationFeed(out);
    if (!again)
        violated("registrationfeed", "the served feed does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (again->entries.size() != feed->entries.size())
        violated("registrationfeed", "the served feed has another number of entries", out);
}

void hubDescriptionEntry(QByteArrayView input)
{
    // As the management API answers: one description, or a namespace's list, and the redaction
    // every view and log applies to such bodies.
    const QByteArray xml = input.toByteArray();
    (void)redactHubDescriptionXml(xml);
    const auto list = parseHubList(xml);
    (void)accepted("hubdescription", list, xml.size());
    const auto d = parseHubDescription(xml);
    if (!accepted("hubdescription", d, xml.size()))
        return;
    // The checks read every credential (a fuzzed .p12 goes through OpenSSL), then a PUT body is
    // written and must read back.
    HubCheckContext context;
    context.now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    context.registrations = QList<RegistrationCount> {};
    const QList<HubFinding> findings = checkHub(*d, context);
    for (const HubFinding &f : findings) {
        if (f.message.isEmpty())
            violated("hubdescription", "a finding without a sentence");
    }
    (void)redactedHubDescription(*d);
    const QByteArray written = hubDescriptionEntryXml(*d);
    const auto again = parseHubDescription(written);
    if (!again)
        violated("hubdescription", "the written description does not parse",
                 written + "\n" + again.error().message.toUtf8());
}

void installationEntry(QByteArrayView input)
{
    const QByteArray json = input.toByteArray();
    const auto i = parseInstallation(json);
    if (!accepted("installation", i, json.size()))
        return;
    const QByteArray out = installationJson(*i);
    const auto again = parseInstallation(out);
    if (!again)
        violated("installation", "the serialized installation does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (installationJson(*again) != out)
        violated("installation", "the serialized installation is not stable", out);
    (void)registrationsForInstallation(*i);
}

const Installation &patchBase()
{
    static const Installation base = [] {
        const auto parsed = parseInstallation(
            R"({"installationId":"inst-1","userId":"user-1","platform":"wns",)"
            R"("pushChannel":"https://db5.notify.windows.com/?token=abc","tags":["a","b:c"],)"
            R"("pushVariables":{"name":"Ann"},)"
            R"("templates":{"t1":{"body":"<toast/>","headers":{"X-WNS-Type":"wns/toast"},)"
            R"("tags":["x"]}},"secondaryTiles":{"tile1":{"pushChannel":"https://db5.notify.)"
            R"(windows.com/?token=def","tags":["y"],"templates":{"tt":{"body":"<tile/>"}}}}})"_ba);
        if (!parsed)
            violated("installationpatch", "the base installation does not parse",
                     parsed.error().message.toUtf8());
        return *parsed;
    }();
    return base;
}

void installationPatchEntry(QByteArrayView input)
{
    const QByteArray patch = input.toByteArray();
    const auto patched = applyInstallationPatch(patchBase(), patch);
    if (!accepted("installationpatch", patched, patch.size()))
        return;
    const QByteArray out = installationJson(*patched);
    const auto again = parseInstallation(out);
    if (!again)
        violated("installationpatch", "the patched installation does not parse",
                 out + "\n" + again.error().message.toUtf8());
}

void directBatchEntry(QByteArrayView input)
{
    QByteArrayView contentType;
    QByteArrayView body = input;
    const qsizetype eol = input.indexOf('\n');
    const QByteArrayView first = eol < 0 ? input : input.first(eol);
    if (first.startsWith("multipart/") || first.contains("boundary")) {
        contentType = first;
        body = eol < 0 ? QByteArrayView() : input.sliced(eol + 1);
    }
    QByteArray derived;
    if (contentType.isNull()) {
        // A raw fixture: its first line "--boundary" names the boundary.
        QByteArrayView line = first;
        if (line.endsWith('\r'))
            line.chop(1);
        derived = "multipart/mixed; boundary="_ba
            + (line.startsWith("--") ? line.sliced(2).toByteArray() : "b"_ba);
        contentType = derived;
    }
    const auto batch = parseDirectBatch(contentType, body);
    if (!batch.ok()) {
        // Content-Type errors are located in the Content-Type, the others in the body.
        const bool inType = batch.error().where == u"Content-Type";
        checkError("directbatch", batch.error(), inType ? contentType.size() : body.size());
        return;
    }
    const QByteArray boundary = batchBoundaryFor(batch->notification);
    const QByteArray out = buildDirectBatchBody(batch->notificationContentType, batch->notification,
                                                batch->deviceHandles, boundary);
    const auto again = parseDirectBatch(directBatchContentType(boundary), out);
    if (!again)
        violated("directbatch", "the rebuilt batch does not parse",
                 out + "\n" + again.error().message.toUtf8());
    if (again->notification != batch->notification || again->deviceHandles != batch->deviceHandles)
        violated("directbatch", "the rebuilt batch parses to other parts", out);
}

constexpr int kMaxEmulatorRequests = 8;

EmulatorRequest emulatorRequest(QByteArrayView raw)
{
    EmulatorRequest req;
    QList<QByteArrayView> lines;
    qsizetype pos = 0;
    qsizetype bodyStart = raw.size();
    while (pos < raw.size()) {
        qsizetype eol = raw.indexOf('\n', pos);
        if (eol < 0)
            eol = raw.size();
        QByteArrayView line = raw.sliced(pos, eol - pos);
        if (line.endsWith('\r'))
            line.chop(1);
        pos = eol + 1;
        if (line.isEmpty() && !lines.isEmpty()) {
            bodyStart = qMin(pos, raw.size());
            break;
        }
        lines.append(line);
    }
    const QByteArrayView requestLine = lines.value(0);
    const qsizetype sp = requestLine.indexOf(' ');
    req.method = (sp < 0 ? requestLine : requestLine.first(sp)).toByteArray();
    QByteArray target = sp < 0 ? "/"_ba : requestLine.sliced(sp + 1).toByteArray();
    if (const qsizetype v = target.lastIndexOf(" HTTP/"); v >= 0)
        target.truncate(v);
    req.url = QUrl::fromEncoded("https://localhost:5001"_ba + target, QUrl::TolerantMode);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon < 0)
            continue;
        req.headers.append({lines.at(i).first(colon).trimmed().toByteArray(),
                            lines.at(i).sliced(colon + 1).trimmed().toByteArray()});
    }
    req.body = raw.sliced(bodyStart).toByteArray();
    return req;
}

void emulatorEntry(QByteArrayView input)
{
    auto state = EmulatorState::createDefault(u"hub"_s);
    FaultInjector faults;
    EmulatorService service(state.get(), &faults);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC);
    service.clock = [now] {
        return now;
    };
    const SasRule &manage = state->rules.first();
    const QByteArray authorization =
        Sas::generate(u"https://localhost/"_s, manage.name, manage.key, now).header().toUtf8();

    static const bool verbose = qEnvironmentVariableIsSet("NH_FUZZ_VERBOSE");
    qsizetype pos = 0;
    for (int n = 0; n < kMaxEmulatorRequests && pos <= input.size(); ++n) {
        qsizetype end = input.indexOf("\n%%\n", pos);
        if (end < 0)
            end = input.size();
        EmulatorRequest req = emulatorRequest(input.sliced(pos, end - pos));
        pos = end + 4;
        if (!headerValue(req.headers, "Authorization"))
            req.headers.append({"Authorization"_ba, authorization});
        if (const auto spec = headerValue(req.headers, "X-Nh-Emulator-Fault")) {
            const QString s = QString::fromUtf8(*spec);
            const auto fault = Fault::parse(s);
            if (accepted("emulator", fault, s.size()) && !Fault::parse(fault->toString()))
                violated("emulator", "Fault::toString() does not parse", *spec);
        }
        (void)service.resolve(req);
        const EmulatorReply reply = service.handle(req);
        if (verbose) {
            // NH_FUZZ_VERBOSE=1 shows what each request came to, for writing seeds.
            std::fprintf(stderr, "%s %s -> %d %s\n", req.method.constData(),
                         req.url.toEncoded().constData(), reply.status,
                         reply.body.left(300).constData());
        }
        if (reply.status < 100 || reply.status > 599)
            violated("emulator", "a status outside 100-599", QByteArray::number(reply.status));
        const auto type = headerValue(reply.headers, "Content-Type");
        if (reply.status >= 400 && !reply.body.isEmpty() && type && type->contains("xml")) {
            const auto body = parseErrorBody(reply.body);
            if (!body)
                violated("emulator", "an error reply whose body does not parse", reply.body);
            if (body->code != reply.status)
                violated("emulator", "an error body whose code is not the status", reply.body);
        }
        (void)state->deliverDue(now.addDays(1));
    }
}

} // namespace

const QList<Target> &targets()
{
    static const QList<Target> all = {
        {"connectionstring", connectionStringEntry},
        {"sastoken", sasTokenEntry},
        {"tagexpression", tagExpressionEntry},
        {"template", templateEntry},
        {"payload", payloadEntry},
        {"notificationoutcome", notificationOutcomeEntry},
        {"errorbody", errorBodyEntry},
        {"notificationdetails", notificationDetailsEntry},
        {"registrationentry", registrationEntryEntry},
        {"registrationfeed", registrationFeedEntry},
        {"hubdescription", hubDescriptionEntry},
        {"installation", installationEntry},
        {"installationpatch", installationPatchEntry},
        {"directbatch", directBatchEntry},
        {"emulator", emulatorEntry},
    };
    return all;
}

const Target *target(QByteArrayView name)
{
    for (const Target &t : targets()) {
        if (name == t.name)
            return &t;
    }
    return nullptr;
}

} // namespace Nh::Fuzz

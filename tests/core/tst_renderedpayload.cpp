// SPDX-FileCopyrightText: 2026 The nhconsole authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// RenderedPayload: what one template registration receives, with the marks the console
// highlights (empty substitutions, linter warnings mapped onto the rendered body, where the
// platform refuses it) and the JSON the history keeps.

#include "protocol/renderedpayload.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Nh;
using Kind = RenderedPayload::Mark::Kind;

namespace {

Registration appleTemplate(const QString &body)
{
    Registration r;
    r.platform = Platform::Apple;
    r.isTemplate = true;
    r.registrationId = u"reg-1"_s;
    r.templateName = u"t"_s;
    r.bodyTemplate = body;
    return r;
}

QStringList marked(const RenderedPayload &p, Kind kind)
{
    QStringList texts;
    for (const RenderedPayload::Mark &m : p.marks) {
        if (m.kind == kind)
            texts << p.body.mid(m.offset, m.length);
    }
    return texts;
}

TemplatePropertyBag bag(const TemplateProperties &properties)
{
    return TemplatePropertyBag(properties);
}

} // namespace

class TestRenderedPayload final : public QObject
{
    Q_OBJECT

private slots:
    void emptySubstitutionsAreMarked();
    void warningsAreMappedOntoTheRenderedBody();
    void nothingRenderedSaysWhy();
    void jsonRoundTrip();
};

void TestRenderedPayload::emptySubstitutionsAreMarked()
{
    const RenderedPayload p = RenderedPayload::render(
        appleTemplate(uR"x({"aps":{"alert":"$(message)","title":"$(title)","x":"$(x)"}})x"_s),
        bag({{u"MESSAGE"_s, u"Hi"_s}, {u"x"_s, {}}}));
    QVERIFY(p.isRendered());
    QCOMPARE(p.body, uR"x({"aps":{"alert":"Hi","title":"","x":""}})x"_s);
    QCOMPARE(marked(p, Kind::Empty), (QStringList {u"\"\""_s, u"\"\""_s}));
    QCOMPARE(p.missingProperties, QStringList {u"title"_s});
    QVERIFY(p.marks.at(0).note.contains(u"no property title"_s));
    QVERIFY(p.marks.at(1).note.contains(u"sent empty"_s));
    QVERIFY(p.hasEmptySubstitutions());
}

void TestRenderedPayload::warningsAreMappedOntoTheRenderedBody()
{
    // "Hello $(name)" is a literal (its first character decides): sent as it is. The
    // substitution before it changes the length, the warning still lands on it.
    const RenderedPayload p = RenderedPayload::render(
        appleTemplate(uR"x({"aps":{"badge":"$(longer)","alert":"Hello $(name)"}})x"_s),
        bag({{u"longer"_s, u"a much longer value"_s}, {u"name"_s, u"Ann"_s}}));
    QVERIFY(p.isRendered());
    QCOMPARE(p.body, uR"x({"aps":{"badge":"a much longer value","alert":"Hello $(name)"}})x"_s);
    const QStringList warned = marked(p, Kind::Warning);
    QCOMPARE(warned.size(), 1);
    QVERIFY2(warned.first().contains(u"$(name)"_s), qPrintable(warned.first()));
    QCOMPARE(p.warnings.size(), 1);
    QVERIFY(marked(p, Kind::Empty).isEmpty());
}

void TestRenderedPayload::nothingRenderedSaysWhy()
{
    Registration native = appleTemplate({});
    native.isTemplate = false;
    QVERIFY(!RenderedPayload::render(native, {}).isRendered());
    const RenderedPayload broken =
        RenderedPayload::render(appleTemplate(uR"x({"aps":{"alert":"$(a"}})x"_s), {});
    QVERIFY(!broken.isRendered());
    QVERIFY(!broken.problem.isEmpty());
}

void TestRenderedPayload::jsonRoundTrip()
{
    QList<RenderedPayload> payloads {
        RenderedPayload::render(appleTemplate(uR"x({"aps":{"alert":"$(m)"}})x"_s), {}),
        RenderedPayload::unavailable(u"reg-2"_s, u"Could not be fetched."_s)};
    payloads[0].invalid = u"too long"_s;
    QCOMPARE(RenderedPayload::fromJson(RenderedPayload::toJson(payloads)), payloads);
    // Marks outside the body are dropped; garbage reads as nothing.
    QByteArray json = RenderedPayload::toJson(payloads);
    json.replace("\"offset\":", "\"offset\":1000");
    QVERIFY(RenderedPayload::fromJson(json).first().marks.isEmpty());
    QVERIFY(RenderedPayload::fromJson("not json").isEmpty());
}

QTEST_GUILESS_MAIN(TestRenderedPayload)
#include "tst_renderedpayload.moc"

#include "VcardTestHelpers.h"
#include "io/VcardWriter.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace roster;
using test::FieldMap;

namespace {

// A contact with every field, lists and custom values set, with text that needs escaping and folding.
Contact fullContact()
{
    Contact contact;
    contact.uid = u"0b6f0c1e-uid"_qs;
    for (const FieldInfo& info : FieldRegistry::all())
        contact.setValue(info.field,
                         u"value of "_qs + QString::fromLatin1(info.name) + u", with; \\ special: chars"_qs);
    contact.setValue(Field::FirstName, u"Zoë"_qs);
    contact.setValue(Field::LastName, u"Dvořák-Nuñez; Jr"_qs);
    contact.setValue(Field::Email, u"zoe@example.com"_qs);
    contact.setValue(Field::Phone, u"+33612345678"_qs);
    contact.setValue(Field::PhoneType, u"work"_qs);
    contact.setValue(Field::LinkedinUrl, u"https://www.linkedin.com/in/zoe"_qs);
    contact.setValue(Field::SalesNavUrl, u"https://www.linkedin.com/sales/lead/ACwAAA,NAME"_qs);
    contact.setValue(Field::CompanyLinkedinUrl, u"https://www.linkedin.com/company/acme"_qs);
    contact.setValue(Field::Website, u"https://zoe.example"_qs);
    contact.setValue(Field::PictureUrl, u"https://img.example/zoe.png"_qs);
    contact.setValue(Field::DateOfBirth, u"1990-04-01"_qs);
    contact.setValue(
        Field::Notes,
        u"Line one\nLine two, with a very long tail that certainly needs folding: éééééééééééééééééééé"_qs);
    contact.setValue(Field::Timezone, u"Europe/Paris"_qs);
    contact.setValue(Field::DoNotContact, u"true"_qs);
    contact.extraEmails = {u"zoe@other.example"_qs, u"z@third.example"_qs};
    contact.extraPhones = {{u"+33140000000"_qs, PhoneType::Fax},
                           {u"ask; the \\ desk,\nplease"_qs, PhoneType::Other},
                           {u"+1 650 253 0000;ext=12"_qs, PhoneType::None}};
    contact.extraWebsites = {u"https://blog.example/a,b"_qs, u"https://shop.example"_qs};
    contact.tags = {u"vip"_qs, u"a, b"_qs, u"café"_qs};
    contact.custom = {{u"score"_qs, u"42"_qs}, {u"Mixed_Key-2"_qs, u"x;y,z\nw"_qs}};
    return contact;
}

FieldMap expectedFields(const Contact& contact)
{
    FieldMap map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (!contact.value(info.field).isEmpty())
            map.insert(QString::fromLatin1(info.name), contact.value(info.field));
    }
    map.insert(FieldRegistry::extraEmailsName(), contact.extraEmails.join(QLatin1Char('|')));
    map.insert(FieldRegistry::extraPhonesName(), PhoneTypes::toText(contact.extraPhones));
    map.insert(FieldRegistry::extraWebsitesName(), contact.extraWebsites.join(QLatin1Char('|')));
    map.insert(FieldRegistry::tagsName(), contact.tags.join(QLatin1Char('|')));
    for (auto it = contact.custom.cbegin(); it != contact.custom.cend(); ++it)
        map.insert(FieldRegistry::customPrefix() + it.key(), it.value());
    return map;
}

QByteArray write(const QList<Contact>& contacts, VcardWriter::Version version)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    VcardWriter writer(&buffer, version);
    for (const Contact& contact : contacts)
        writer.write(contact);
    return buffer.data();
}

} // namespace

class TestVcardWriter final : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void folding();
    void sparseContact();
    void lineBreaksNeverEndAProperty_data();
    void lineBreaksNeverEndAProperty();
    void pythonVobjectReadsOurOutput();
};

void TestVcardWriter::roundTrip_data()
{
    QTest::addColumn<VcardWriter::Version>("version");
    QTest::newRow("3.0") << VcardWriter::Version::V30;
    QTest::newRow("4.0") << VcardWriter::Version::V40;
}

void TestVcardWriter::roundTrip()
{
    QFETCH(VcardWriter::Version, version);
    Contact second;
    second.setValue(Field::FirstName, u"Solo"_qs);
    second.setValue(Field::DateOfBirth, u"sometime in 1990"_qs);
    const QList<Contact> contacts {fullContact(), second};
    const QByteArray bytes = write(contacts, version);
    const auto cards = test::readCards(bytes);
    QVERIFY(cards.has_value());
    QCOMPARE(cards->size(), 2);
    QCOMPARE(cards->at(0).version, version == VcardWriter::Version::V40 ? u"4.0"_qs : u"3.0"_qs);
    for (qsizetype i = 0; i < contacts.size(); ++i) {
        FieldMap expected = expectedFields(contacts.at(i));
        if (contacts.at(i).extraEmails.isEmpty())
            expected.remove(FieldRegistry::extraEmailsName());
        if (contacts.at(i).tags.isEmpty())
            expected.remove(FieldRegistry::tagsName());
        if (contacts.at(i).extraPhones.isEmpty())
            expected.remove(FieldRegistry::extraPhonesName());
        if (contacts.at(i).extraWebsites.isEmpty())
            expected.remove(FieldRegistry::extraWebsitesName());
        const FieldMap actual = test::flatten(cards->at(i).patch);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(
                actual.value(it.key()) == it.value(),
                qPrintable(it.key() + u": got \"" + actual.value(it.key()) + u"\" expected \"" + it.value() + u'"'));
        for (auto it = actual.cbegin(); it != actual.cend(); ++it)
            QVERIFY2(expected.contains(it.key()), qPrintable(u"unexpected " + it.key() + u" = " + it.value()));
    }
}

void TestVcardWriter::folding()
{
    const QString line = u"NOTE:"_qs + QString(200, QChar(u'é')) + u"€€€abc"_qs;
    const QByteArray folded = VcardWriter::fold(line);
    QVERIFY(folded.endsWith("\r\n"));
    const QList<QByteArray> physical = folded.chopped(2).split('\n');
    QVERIFY(physical.size() > 3);
    QByteArray unfolded;
    for (qsizetype i = 0; i < physical.size(); ++i) {
        QByteArray part = physical.at(i);
        if (part.endsWith('\r'))
            part.chop(1);
        QVERIFY2(part.size() <= 75, part.constData());
        if (i > 0) {
            QVERIFY(part.startsWith(' '));
            part.remove(0, 1);
        }
        QVERIFY(QString::fromUtf8(part).toUtf8() == part); // no character was cut in two
        unfolded += part;
    }
    QCOMPARE(QString::fromUtf8(unfolded), line);
}

void TestVcardWriter::sparseContact()
{
    Contact contact;
    contact.setValue(Field::Email, u"only@x.example"_qs);
    const QByteArray bytes = write({contact}, VcardWriter::Version::V30);
    QVERIFY(bytes.contains("FN:only@x.example\r\n"));
    QVERIFY(bytes.contains("N:;;;;\r\n"));
    QVERIFY(!bytes.contains("X-ROSTER"));
    const auto cards = test::readCards(bytes);
    QVERIFY(cards.has_value());
    // The FN that stands in for a missing name is not read back as a name.
    QCOMPARE(test::flatten(cards->front().patch), (FieldMap {{u"email"_qs, u"only@x.example"_qs}}));
}

void TestVcardWriter::lineBreaksNeverEndAProperty_data()
{
    QTest::addColumn<VcardWriter::Version>("version");
    QTest::addColumn<QString>("field");
    for (const auto& [version, name] :
         {std::pair {VcardWriter::Version::V30, "3.0"}, {VcardWriter::Version::V40, "4.0"}}) {
        for (const FieldInfo& info : FieldRegistry::all())
            QTest::addRow("%s %s", name, info.name) << version << QString::fromLatin1(info.name);
        QTest::addRow("%s tags", name) << version << FieldRegistry::tagsName();
        QTest::addRow("%s extra_phones", name) << version << FieldRegistry::extraPhonesName();
        QTest::addRow("%s extra_websites", name) << version << FieldRegistry::extraWebsitesName();
        QTest::addRow("%s extra_emails", name) << version << FieldRegistry::extraEmailsName();
        QTest::addRow("%s custom", name) << version << u"custom.note"_qs;
    }
}

// A value from a CSV or a CRM with a CR/LF (a picture_url among them, written unescaped before) must not end its
// property: the line after it would be read as properties of their own, here a whole forged card.
void TestVcardWriter::lineBreaksNeverEndAProperty()
{
    QFETCH(VcardWriter::Version, version);
    QFETCH(QString, field);
    const QString forged = u"x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nEMAIL:forged@evil.example\nFN:Forged\rNOTE:y"_qs;
    Contact contact;
    contact.setValue(Field::Email, u"real@x.example"_qs);
    if (field == FieldRegistry::tagsName())
        contact.tags = {forged};
    else if (field == FieldRegistry::extraPhonesName())
        contact.extraPhones = {{forged, PhoneType::Work}};
    else if (field == FieldRegistry::extraWebsitesName())
        contact.extraWebsites = {forged};
    else if (field == FieldRegistry::extraEmailsName())
        contact.extraEmails = {forged};
    else if (field.startsWith(FieldRegistry::customPrefix()))
        contact.custom.insert(field.mid(FieldRegistry::customPrefix().size()), forged);
    else
        contact.setValue(*FieldRegistry::fromName(field), forged);
    const QByteArray bytes = write({contact}, version);
    int begins = 0;
    for (const QByteArray& line : bytes.split('\n')) {
        begins += line.startsWith("BEGIN:VCARD") ? 1 : 0;
        QVERIFY2(!line.startsWith("EMAIL:forged") && !line.startsWith("FN:Forged") && !line.startsWith("NOTE:y")
                     && !line.startsWith("END:VCARD\r\nBEGIN"),
                 bytes.constData());
    }
    QCOMPARE(begins, 1);
    QCOMPARE(bytes.count('\r'), bytes.count('\n')); // every line ends CRLF; no bare CR or LF inside a value
    const auto cards = test::readCards(bytes);
    QVERIFY(cards.has_value());
    QCOMPARE(cards->size(), 1);
    if (field != u"email"_qs)
        QCOMPARE(cards->front().patch.value(Field::Email), u"real@x.example"_qs);
}

// An independent parser agrees with what we write: python3-vobject, when installed.
void TestVcardWriter::pythonVobjectReadsOurOutput()
{
    const QString python = QStandardPaths::findExecutable(u"python3"_qs, {u"/usr/bin"_qs});
    if (python.isEmpty() || QProcess::execute(python, {u"-c"_qs, u"import vobject"_qs}) != 0)
        QSKIP("python3-vobject is not installed");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.vcf"_qs);
    for (const auto version : {VcardWriter::Version::V30, VcardWriter::Version::V40}) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(write({fullContact()}, version));
        file.close();
        QProcess process;
        process.start(python,
                      {u"-c"_qs, uR"(
import sys, vobject
card = next(vobject.readComponents(open(sys.argv[1], encoding='utf-8').read()))
print(card.n.value.family)
print(card.n.value.given)
print('|'.join(e.value for e in card.contents['email']))
print('|'.join(card.categories.value))
print(card.note.value.replace('\n', '\\n'))
print(card.contents['x-roster-custom'][0].params['X-KEY'][0])
)"_qs,
                       path});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QStringList out = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n');
        const Contact contact = fullContact();
        QCOMPARE(out.value(0), contact.value(Field::LastName));
        QCOMPARE(out.value(1), contact.value(Field::FirstName));
        QCOMPARE(out.value(2), (QStringList {contact.value(Field::Email)} + contact.extraEmails).join(u'|'));
        QCOMPARE(out.value(3), contact.tags.join(u'|'));
        QCOMPARE(out.value(4), QString(contact.value(Field::Notes)).replace(u"\n"_qs, u"\\n"_qs));
        QVERIFY(contact.custom.contains(out.value(5)));
    }
}

QTEST_GUILESS_MAIN(TestVcardWriter)
#include "tst_vcardwriter.moc"

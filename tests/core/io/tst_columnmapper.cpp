#include "TestSupport.h"
#include "io/ColumnMapper.h"
#include "io/CsvReader.h"
#include "io/CsvWriter.h"
#include "io/HeaderMatcher.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QTest>

using namespace roster;

namespace {

using FieldMap = QMap<QString, QString>;

// A patch as name -> value, lists joined with '|', so a test can compare it field by field.
FieldMap flatten(const ContactPatch& patch)
{
    FieldMap map;
    for (const FieldInfo& info : FieldRegistry::all()) {
        if (patch.has(info.field))
            map.insert(QString::fromLatin1(info.name), patch.value(info.field));
    }
    if (patch.hasExtraEmails())
        map.insert(FieldRegistry::extraEmailsName(), patch.extraEmails().join(QLatin1Char('|')));
    if (patch.hasTags())
        map.insert(FieldRegistry::tagsName(), patch.tags().join(QLatin1Char('|')));
    for (auto it = patch.custom().cbegin(); it != patch.custom().cend(); ++it)
        map.insert(FieldRegistry::customPrefix() + it.key(), it.value());
    return map;
}

struct Table
{
    QStringList header;
    QList<CsvRecord> records;
    QByteArray encoding;
    QChar delimiter;
};

Table readTable(QIODevice* device)
{
    Table table;
    CsvReader reader(device);
    const auto opened = reader.open();
    if (!opened)
        qWarning() << opened.error().toString();
    table.header = reader.header();
    CsvRecord record;
    while (reader.readRecord(record).value_or(false))
        table.records << record;
    table.encoding = reader.encoding();
    table.delimiter = reader.delimiter();
    return table;
}

Table readFixture(const QString& name)
{
    QFile file(test::fixturePath(QStringLiteral("io/") + name));
    if (!file.open(QIODevice::ReadOnly))
        qWarning() << "cannot open" << file.fileName();
    return readTable(&file);
}

} // namespace

class TestColumnMapper final : public QObject
{
    Q_OBJECT

private slots:
    void exporters_data();
    void exporters();
    void headers_data();
    void headers();
    void unmappedColumnsAndCustomFields();
    void contextRules();
    void fullNameSplit();
    void multiValueCells();
    void savedMappingRoundTrip();
    void writerRoundTrip();
    void identityColumnsOnly_data();
    void identityColumnsOnly();
};

void TestColumnMapper::exporters_data()
{
    QTest::addColumn<QString>("fixture");
    QTest::addColumn<int>("row");
    QTest::addColumn<FieldMap>("expected");

    QTest::newRow("Google old") << u"google_old.csv"_qs << 0
                                << FieldMap {{u"first_name"_qs, u"Ada"_qs},
                                             {u"last_name"_qs, u"Lovelace"_qs},
                                             {u"date_of_birth"_qs, u"1815-12-10"_qs},
                                             {u"gender"_qs, u"female"_qs},
                                             {u"notes"_qs, u"Met at the\nAnalytical Engine meetup"_qs},
                                             {u"tags"_qs, u"myContacts|Friends|Math"_qs},
                                             {u"email"_qs, u"ada@example.com"_qs},
                                             {u"extra_emails"_qs, u"ada.l@example.org|ada@home.example"_qs},
                                             {u"phone"_qs, u"+44 20 7946 0958"_qs},
                                             {u"phone_type"_qs, u"mobile"_qs},
                                             {u"address1"_qs, u"1 Main St"_qs},
                                             {u"city"_qs, u"London"_qs},
                                             {u"state"_qs, u"Greater London"_qs},
                                             {u"postal_code"_qs, u"SW1A 1AA"_qs},
                                             {u"country"_qs, u"United Kingdom"_qs},
                                             {u"company_name"_qs, u"Analytical Engines Ltd"_qs},
                                             {u"job_title"_qs, u"Countess"_qs},
                                             {u"linkedin_url"_qs, u"https://www.linkedin.com/in/adalovelace"_qs}};
    QTest::newRow("Google new") << u"google_new.csv"_qs << 0
                                << FieldMap {{u"first_name"_qs, u"Grace"_qs},
                                             {u"last_name"_qs, u"Hopper"_qs},
                                             {u"company_name"_qs, u"US Navy"_qs},
                                             {u"job_title"_qs, u"Computer Scientist"_qs},
                                             {u"date_of_birth"_qs, u"1906-12-09"_qs},
                                             {u"notes"_qs, u"COBOL"_qs},
                                             {u"picture_url"_qs, u"https://lh3.googleusercontent.com/a/photo.jpg"_qs},
                                             {u"tags"_qs, u"myContacts|starred|Navy"_qs},
                                             {u"email"_qs, u"grace@navy.example"_qs},
                                             {u"extra_emails"_qs, u"grace@home.example"_qs},
                                             {u"phone"_qs, u"+1 202 555 0100"_qs},
                                             {u"phone_type"_qs, u"mobile"_qs},
                                             {u"address1"_qs, u"1 Navy Way"_qs},
                                             {u"city"_qs, u"Arlington"_qs},
                                             {u"state"_qs, u"VA"_qs},
                                             {u"postal_code"_qs, u"22202"_qs},
                                             {u"country"_qs, u"US"_qs},
                                             {u"website"_qs, u"https://grace.example"_qs}};
    QTest::newRow("Outlook (Windows-1252)") << u"outlook.csv"_qs << 0
                                            << FieldMap {{u"first_name"_qs, u"Jürgen"_qs},
                                                         {u"last_name"_qs, u"Müller"_qs},
                                                         {u"company_name"_qs, u"Café Größe GmbH"_qs},
                                                         {u"job_title"_qs, u"Chief Engineer"_qs},
                                                         {u"address1"_qs, u"Hauptstraße 5"_qs},
                                                         {u"city"_qs, u"München"_qs},
                                                         {u"state"_qs, u"Bayern"_qs},
                                                         {u"postal_code"_qs, u"80331"_qs},
                                                         {u"country"_qs, u"Deutschland"_qs},
                                                         {u"phone"_qs, u"+49 171 1234567"_qs},
                                                         {u"phone_type"_qs, u"mobile"_qs},
                                                         {u"date_of_birth"_qs, u"1970-01-31"_qs},
                                                         {u"tags"_qs, u"Kunden|VIP"_qs},
                                                         {u"email"_qs, u"juergen@cafe.example"_qs},
                                                         {u"extra_emails"_qs, u"jm@private.example"_qs},
                                                         {u"notes"_qs, u"Prefers € invoices"_qs},
                                                         {u"website"_qs, u"http://cafe.example"_qs}};
    QTest::newRow("Apple")
        << u"apple.csv"_qs << 0
        << FieldMap {
               {u"first_name"_qs, u"Steve"_qs},         {u"last_name"_qs, u"Wozniak"_qs},
               {u"company_name"_qs, u"Apple"_qs},       {u"job_title"_qs, u"Co-founder"_qs},
               {u"email"_qs, u"woz@home.example"_qs},   {u"phone"_qs, u"+1 408 555 0199"_qs},
               {u"phone_type"_qs, u"mobile"_qs},        {u"address1"_qs, u"1 Infinite Loop"_qs},
               {u"city"_qs, u"Cupertino"_qs},           {u"state"_qs, u"CA"_qs},
               {u"postal_code"_qs, u"95014"_qs},        {u"country"_qs, u"USA"_qs},
               {u"website"_qs, u"https://woz.org"_qs},  {u"linkedin_url"_qs, u"https://www.linkedin.com/in/woz"_qs},
               {u"date_of_birth"_qs, u"1950-08-11"_qs}, {u"notes"_qs, u"Engineer"_qs},
               {u"tags"_qs, u"Friends|Apple"_qs}};
    QTest::newRow("Thunderbird") << u"thunderbird.csv"_qs << 0
                                 << FieldMap {{u"first_name"_qs, u"Linus"_qs},
                                              {u"last_name"_qs, u"Torvalds"_qs},
                                              {u"email"_qs, u"linus@kernel.example"_qs},
                                              {u"extra_emails"_qs, u"torvalds@other.example"_qs},
                                              {u"phone"_qs, u"+1 503 555 0123"_qs},
                                              {u"phone_type"_qs, u"work"_qs},
                                              {u"address1"_qs, u"1 Kernel Road"_qs},
                                              {u"city"_qs, u"Portland"_qs},
                                              {u"state"_qs, u"OR"_qs},
                                              {u"postal_code"_qs, u"97201"_qs},
                                              {u"country"_qs, u"USA"_qs},
                                              {u"job_title"_qs, u"Maintainer"_qs},
                                              {u"company_name"_qs, u"Linux Foundation"_qs},
                                              {u"website"_qs, u"https://kernel.example"_qs},
                                              {u"notes"_qs, u"git"_qs}};
    QTest::newRow("LinkedIn row 1") << u"linkedin.csv"_qs << 0
                                    << FieldMap {{u"first_name"_qs, u"Reid"_qs},
                                                 {u"last_name"_qs, u"Hoffman"_qs},
                                                 {u"linkedin_url"_qs, u"https://www.linkedin.com/in/reidhoffman"_qs},
                                                 {u"company_name"_qs, u"Greylock"_qs},
                                                 {u"job_title"_qs, u"Partner"_qs}};
    QTest::newRow("LinkedIn row 2") << u"linkedin.csv"_qs << 1
                                    << FieldMap {
                                           {u"first_name"_qs, u"Élodie"_qs},
                                           {u"last_name"_qs, u"Durand"_qs},
                                           {u"linkedin_url"_qs, u"https://www.linkedin.com/in/elodie-durand-123"_qs},
                                           {u"email"_qs, u"elodie@exemple.fr"_qs},
                                           {u"company_name"_qs, u"Société Générale"_qs},
                                           {u"job_title"_qs, u"Analyste"_qs}};
    QTest::newRow("HubSpot") << u"hubspot.csv"_qs << 0
                             << FieldMap {{u"first_name"_qs, u"Brian"_qs},
                                          {u"last_name"_qs, u"Halligan"_qs},
                                          {u"email"_qs, u"bh@hubspot.example"_qs},
                                          {u"phone"_qs, u"+1 617 555 0150"_qs},
                                          {u"phone_type"_qs, u"mobile"_qs},
                                          {u"company_name"_qs, u"HubSpot"_qs},
                                          {u"job_title"_qs, u"Executive Chairman"_qs},
                                          {u"website"_qs, u"https://www.hubspot.com"_qs},
                                          {u"address1"_qs, u"25 First Street"_qs},
                                          {u"city"_qs, u"Cambridge"_qs},
                                          {u"state"_qs, u"MA"_qs},
                                          {u"postal_code"_qs, u"02141"_qs},
                                          {u"country"_qs, u"United States"_qs},
                                          {u"owner"_qs, u"Dharmesh Shah"_qs},
                                          {u"industry"_qs, u"Software"_qs},
                                          {u"timezone"_qs, u"America/New_York"_qs}};
    QTest::newRow("Salesforce") << u"salesforce.csv"_qs << 0
                                << FieldMap {{u"first_name"_qs, u"Marc"_qs},
                                             {u"last_name"_qs, u"Benioff"_qs},
                                             {u"job_title"_qs, u"CEO"_qs},
                                             {u"company_name"_qs, u"Salesforce"_qs},
                                             {u"address1"_qs, u"415 Mission St"_qs},
                                             {u"city"_qs, u"San Francisco"_qs},
                                             {u"state"_qs, u"CA"_qs},
                                             {u"postal_code"_qs, u"94105"_qs},
                                             {u"country"_qs, u"USA"_qs},
                                             {u"phone"_qs, u"+1 415 555 0101"_qs},
                                             {u"email"_qs, u"marc@sf.example"_qs},
                                             {u"owner"_qs, u"Parker Harris"_qs},
                                             {u"source"_qs, u"Web"_qs},
                                             {u"notes"_qs, u"Founder"_qs},
                                             {u"date_of_birth"_qs, u"1964-09-25"_qs},
                                             {u"do_not_contact"_qs, u"1"_qs}};
    QTest::newRow("lemlist") << u"lemlist.csv"_qs << 0
                             << FieldMap {{u"email"_qs, u"guillaume@lemlist.example"_qs},
                                          {u"first_name"_qs, u"Guillaume"_qs},
                                          {u"last_name"_qs, u"Moubeche"_qs},
                                          {u"company_name"_qs, u"lemlist"_qs},
                                          {u"job_title"_qs, u"CEO"_qs},
                                          {u"linkedin_url"_qs, u"https://www.linkedin.com/in/guillaumemoubeche"_qs},
                                          {u"sales_nav_url"_qs,
                                           u"https://www.linkedin.com/sales/lead/ACwAAA123,NAME_SEARCH,abc"_qs},
                                          {u"phone"_qs, u"+33 6 12 34 56 78"_qs},
                                          {u"picture_url"_qs, u"https://img.example/g.png"_qs},
                                          {u"company_domain"_qs, u"lemlist.com"_qs},
                                          {u"company_linkedin_url"_qs, u"https://www.linkedin.com/company/lemlist"_qs},
                                          {u"headline"_qs, u"Founder @lemlist"_qs},
                                          {u"location"_qs, u"Paris, France"_qs},
                                          {u"timezone"_qs, u"Europe/Paris"_qs},
                                          {u"industry"_qs, u"Software"_qs},
                                          {u"extra_emails"_qs, u"g@other.example"_qs},
                                          {u"owner"_qs, u"owner@lemlist.example"_qs},
                                          {u"do_not_contact"_qs, u"false"_qs}};
    QTest::newRow("Apollo") << u"apollo.csv"_qs << 0
                            << FieldMap {{u"first_name"_qs, u"Tim"_qs},
                                         {u"last_name"_qs, u"Zheng"_qs},
                                         {u"job_title"_qs, u"Founder & CEO"_qs},
                                         {u"company_name"_qs, u"Apollo.io"_qs},
                                         {u"email"_qs, u"tim@apollo.example"_qs},
                                         {u"owner"_qs, u"sales@apollo.example"_qs},
                                         {u"phone"_qs, u"+1 415-555-0111"_qs},
                                         {u"tags"_qs, u"Founders|SaaS"_qs},
                                         {u"industry"_qs, u"Information Technology"_qs},
                                         {u"linkedin_url"_qs, u"http://www.linkedin.com/in/timzheng"_qs},
                                         {u"website"_qs, u"http://www.apollo.io"_qs},
                                         {u"company_linkedin_url"_qs, u"http://www.linkedin.com/company/apolloio"_qs},
                                         {u"city"_qs, u"San Francisco"_qs},
                                         {u"state"_qs, u"California"_qs},
                                         {u"country"_qs, u"United States"_qs}};
    QTest::newRow("French (Excel, ;, Windows-1252)")
        << u"french.csv"_qs << 0
        << FieldMap {{u"first_name"_qs, u"Amélie"_qs},
                     {u"last_name"_qs, u"Poulain"_qs},
                     {u"company_name"_qs, u"Café des 2 Moulins"_qs},
                     {u"job_title"_qs, u"Serveuse"_qs},
                     {u"email"_qs, u"amelie@moulins.example"_qs},
                     {u"phone"_qs, u"01 42 54 90 50"_qs},
                     {u"address1"_qs, u"15 rue Lepic"_qs},
                     {u"postal_code"_qs, u"75018"_qs},
                     {u"city"_qs, u"Paris"_qs},
                     {u"country"_qs, u"France"_qs},
                     {u"website"_qs, u"https://moulins.example"_qs},
                     {u"date_of_birth"_qs, u"1973-09-03"_qs},
                     {u"tags"_qs, u"Clients|Montmartre"_qs},
                     {u"notes"_qs, u"Aime les crèmes brûlées"_qs},
                     {u"linkedin_url"_qs, u"https://fr.linkedin.com/in/amelie-poulain"_qs}};
    QTest::newRow("German (;, UTF-8 BOM)") << u"german.csv"_qs << 0
                                           << FieldMap {{u"first_name"_qs, u"Käthe"_qs},
                                                        {u"last_name"_qs, u"Schröder"_qs},
                                                        {u"company_name"_qs, u"Bäckerei Groß"_qs},
                                                        {u"job_title"_qs, u"Geschäftsführerin"_qs},
                                                        {u"email"_qs, u"kaethe@baeckerei.example"_qs},
                                                        {u"phone"_qs, u"+49 151 2345678"_qs},
                                                        {u"phone_type"_qs, u"mobile"_qs},
                                                        {u"address1"_qs, u"Königsallee 1"_qs},
                                                        {u"postal_code"_qs, u"40212"_qs},
                                                        {u"city"_qs, u"Düsseldorf"_qs},
                                                        {u"state"_qs, u"NRW"_qs},
                                                        {u"country"_qs, u"Deutschland"_qs},
                                                        {u"website"_qs, u"https://baeckerei.example"_qs},
                                                        {u"date_of_birth"_qs, u"1980-02-29"_qs},
                                                        {u"tags"_qs, u"Lieferanten"_qs},
                                                        {u"notes"_qs, u"Brötchen"_qs}};
}

void TestColumnMapper::exporters()
{
    QFETCH(QString, fixture);
    QFETCH(int, row);
    QFETCH(FieldMap, expected);

    const Table table = readFixture(fixture);
    QVERIFY(row < table.records.size());
    const ColumnMapper mapper(ColumnMapper::suggest(table.header));
    const FieldMap actual = flatten(mapper.toPatch(table.records.at(row)));
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        QVERIFY2(actual.value(it.key()) == it.value(),
                 qPrintable(it.key() + u": got \"" + actual.value(it.key()) + u"\" expected \"" + it.value() + u'"'));
    for (auto it = actual.cbegin(); it != actual.cend(); ++it)
        QVERIFY2(expected.contains(it.key()), qPrintable(u"unexpected " + it.key() + u" = " + it.value()));
}

void TestColumnMapper::headers_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("target");

    const QList<std::pair<const char16_t*, const char16_t*>> rows {
        {u"E-mail 1 - Value", u"email"},
        {u"E-mail 2 - Value", u"extra_emails"},
        {u"E-mail 1 - Type", u""},
        {u"E-mail Address", u"email"},
        {u"E-mail 2 Address", u"extra_emails"},
        {u"E-mail 3 Address", u"extra_emails"},
        {u"Primary Email", u"email"},
        {u"Secondary Email", u"extra_emails"},
        {u"Email (work)", u"email"},
        {u"Phone 1 - Value", u"phone"},
        {u"Phone 2 - Value", u"phone"},
        {u"Business Phone", u"phone:work"},
        {u"Mobile Phone", u"phone:mobile"},
        {u"Work Direct Phone", u"phone:work"},
        {u"Business Fax", u"phone:fax"},
        {u"Organization 1 - Name", u"company_name"},
        {u"Organization 1 - Title", u"job_title"},
        {u"Organization 2 - Name", u""},
        {u"Given Name", u"first_name"},
        {u"Family Name", u"last_name"},
        {u"Business Street", u"address1"},
        {u"Business Street 2", u""},
        {u"Business City", u"city"},
        {u"Business Country/Region", u"country"},
        {u"Mailing Zip/Postal Code", u"postal_code"},
        {u"Person Linkedin Url", u"linkedin_url"},
        {u"Company Linkedin Url", u"company_linkedin_url"},
        {u"Website", u"website"},
        {u"Web Page", u"website"},
        {u"Group Membership", u"tags"},
        {u"Labels", u"tags"},
        {u"Prénom", u"first_name"},
        {u"Société", u"company_name"},
        {u"Téléphone", u"phone"},
        {u"Poste", u"job_title"},
        {u"Vorname", u"first_name"},
        {u"Nachname", u"last_name"},
        {u"Firma", u"company_name"},
        {u"Telefon", u"phone"},
        {u"Straße", u"address1"},
        {u"E-Mail-Adresse", u"email"},
        {u"first_name", u"first_name"},
        {u"linkedinUrlSalesNav", u"sales_nav_url"},
        {u"extra_emails", u"extra_emails"},
        {u"Email Status", u""},
        {u"Company Phone", u""},
        {u"Record ID", u""},
        {u"  FIRST-NAME  ", u"first_name"},
    };
    for (const auto& [header, target] : rows)
        QTest::newRow(QString::fromUtf16(header).toUtf8().constData())
            << QString::fromUtf16(header) << QString::fromUtf16(target);
}

void TestColumnMapper::headers()
{
    QFETCH(QString, header);
    QFETCH(QString, target);
    QCOMPARE(HeaderMatcher::match(header), target);
}

void TestColumnMapper::unmappedColumnsAndCustomFields()
{
    const Table table = readFixture(u"linkedin.csv"_qs);
    ColumnMapping mapping = ColumnMapper::suggest(table.header);
    QCOMPARE(mapping.unmappedHeaders(), QStringList {u"Connected On"_qs});
    const qsizetype column = mapping.unmappedColumns().front();
    QCOMPARE(ColumnMapper::customKeyFor(table.header.at(column)), u"connected_on"_qs);
    QVERIFY(mapping.setTarget(column, u"custom.connected_on"_qs).has_value());
    QCOMPARE(mapping.setTarget(column, u"bogus"_qs).error().code, ErrorCode::UnknownField);
    QCOMPARE(mapping.setTarget(column, u"custom.bad key"_qs).error().code, ErrorCode::UnknownField);
    const ContactPatch patch = ColumnMapper(mapping).toPatch(table.records.front());
    QCOMPARE(patch.custom().value(u"connected_on"_qs), u"14 Mar 2023"_qs);
    QCOMPARE(ColumnMapper::customKeyFor(u"Société (FR) #2"_qs), u"societe_fr_2"_qs);

    // --map HEADER=field
    QVERIFY(mapping.setTarget(u"company"_qs, u"headline"_qs).has_value());
    QCOMPARE(mapping.target(4), u"headline"_qs);
    QCOMPARE(mapping.setTarget(u"No Such Column"_qs, u"email"_qs).error().code, ErrorCode::InvalidArgument);
}

void TestColumnMapper::contextRules()
{
    // Outlook: Title is the honorific when Job Title exists; Salesforce/Apollo: Title is the job.
    const ColumnMapping outlook = ColumnMapper::suggest({u"Title"_qs, u"First Name"_qs, u"Job Title"_qs});
    QCOMPARE(outlook.targets(), (QStringList {QString(), u"first_name"_qs, u"job_title"_qs}));
    const ColumnMapping salesforce = ColumnMapper::suggest({u"Salutation"_qs, u"Title"_qs});
    QCOMPARE(salesforce.target(1), u"job_title"_qs);
    // LinkedIn's URL is the profile; a generic URL is a website.
    QCOMPARE(ColumnMapper::suggest({u"URL"_qs, u"Connected On"_qs}).target(0), u"linkedin_url"_qs);
    QCOMPARE(ColumnMapper::suggest({u"URL"_qs, u"Email"_qs}).target(0), u"website"_qs);
    // "Vorname, Name" and "Prénom, Nom": the name beside a first name is the last name.
    QCOMPARE(ColumnMapper::suggest({u"Vorname"_qs, u"Name"_qs}).target(1), u"last_name"_qs);
    QCOMPARE(ColumnMapper::suggest({u"Prénom"_qs, u"Nom"_qs}).target(1), u"last_name"_qs);
    QCOMPARE(ColumnMapper::suggest({u"Name"_qs, u"Email"_qs}).target(0), HeaderMatcher::fullNameTarget());
    QCOMPARE(ColumnMapper::suggest({u"Titel"_qs, u"Vorname"_qs}).target(0), QString());
}

void TestColumnMapper::fullNameSplit()
{
    const ColumnMapper mapper(ColumnMapper::suggest({u"Name"_qs, u"Email"_qs}));
    const ContactPatch patch
        = mapper.toPatch(CsvRecord::fromFields({u"Jean Claude Van Damme"_qs, u"jcvd@x.example"_qs}));
    QCOMPARE(patch.value(Field::FirstName), u"Jean Claude Van"_qs);
    QCOMPARE(patch.value(Field::LastName), u"Damme"_qs);
    const ContactPatch single = mapper.toPatch(CsvRecord::fromFields({u"Cher"_qs}));
    QCOMPARE(single.value(Field::FirstName), u"Cher"_qs);
    QVERIFY(!single.has(Field::LastName));
    QVERIFY(!single.has(Field::Email)); // a short row
}

void TestColumnMapper::multiValueCells()
{
    const ColumnMapper mapper(ColumnMapper::suggest({u"Email"_qs, u"Other Email"_qs, u"Tags"_qs, u"Website"_qs}));
    const ContactPatch patch = mapper.toPatch(CsvRecord::fromFields(
        {u" A@x.example ; b@x.example "_qs, u"a@X.example ::: c@x.example"_qs, u"vip, friends;vip ::: * myContacts"_qs,
         u"https://www.linkedin.com/in/someone ::: https://someone.example"_qs}));
    QCOMPARE(patch.value(Field::Email), u"A@x.example"_qs);
    QCOMPARE(patch.extraEmails(), (QStringList {u"b@x.example"_qs, u"c@x.example"_qs}));
    QCOMPARE(patch.tags(), (QStringList {u"vip"_qs, u"friends"_qs, u"myContacts"_qs}));
    QCOMPARE(patch.tagMode(), TagMode::Append);
    QCOMPARE(patch.value(Field::LinkedinUrl), u"https://www.linkedin.com/in/someone"_qs);
    QCOMPARE(patch.value(Field::Website), u"https://someone.example"_qs);
    QVERIFY(mapper.toPatch(CsvRecord::fromFields({u""_qs, u"  "_qs})).isEmpty());

    // A cell of many tags, repeated in other cases past the first sixteen, keeps each tag once, in its order.
    QStringList many, expected;
    for (int i = 0; i < 40; ++i)
        expected << QStringLiteral("Tag%1").arg(i);
    many << expected << QStringLiteral("TAG3") << QStringLiteral("tag39") << QStringLiteral("Tag40");
    expected << QStringLiteral("Tag40");
    const ContactPatch tagged = mapper.toPatch(CsvRecord::fromFields({u"a@x.example"_qs, u""_qs, many.join(u", ")}));
    QCOMPARE(tagged.tags(), expected);
}

void TestColumnMapper::savedMappingRoundTrip()
{
    const QStringList header {u"Given Name"_qs, u"Connected On"_qs, u"E-mail 1 - Value"_qs};
    ColumnMapping mapping = ColumnMapper::suggest(header);
    QVERIFY(mapping.setTarget(1, u"custom.connected_on"_qs).has_value());
    const QJsonObject json = mapping.toJson();

    // The same header up to case and surrounding spaces finds the saved mapping.
    const QStringList again {u" given name"_qs, u"CONNECTED ON"_qs, u"E-mail 1 - Value "_qs};
    QCOMPARE(ColumnMapping::hashHeader(again), mapping.headerHash());
    const auto loaded = ColumnMapping::fromJson(json, again);
    QVERIFY(loaded.has_value());
    QCOMPARE(loaded->targets(), mapping.targets());

    const auto other = ColumnMapping::fromJson(json, {u"Given Name"_qs, u"Email"_qs});
    QVERIFY(!other.has_value());
    QCOMPARE(other.error().code, ErrorCode::InvalidArgument);
}

void TestColumnMapper::writerRoundTrip()
{
    // Roster's own CSV export: field names as headers, formula-like cells escaped by CsvWriter.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    writer.writeRow(
        {u"first_name"_qs, u"email"_qs, u"phone"_qs, u"notes"_qs, u"extra_emails"_qs, u"tags"_qs, u"custom.score"_qs});
    writer.writeRow({u"Zoë"_qs, u"p@x.example"_qs, u"+33 6 12 34 56 78"_qs, u"=1+1, \"quoted\"\nline"_qs,
                     u"a@x.example,b@x.example"_qs, u"one,two"_qs, u"-5"_qs});
    buffer.close();
    buffer.open(QIODevice::ReadOnly);
    const Table table = readTable(&buffer);
    QCOMPARE(table.records.size(), 1);
    const ContactPatch patch = ColumnMapper(ColumnMapper::suggest(table.header)).toPatch(table.records.front());
    QCOMPARE(patch.value(Field::FirstName), u"Zoë"_qs);
    QCOMPARE(patch.value(Field::Email), u"p@x.example"_qs);
    QCOMPARE(patch.value(Field::Phone), u"+33 6 12 34 56 78"_qs);
    QCOMPARE(patch.value(Field::Notes), u"=1+1, \"quoted\"\nline"_qs);
    QCOMPARE(patch.extraEmails(), (QStringList {u"a@x.example"_qs, u"b@x.example"_qs}));
    QCOMPARE(patch.tags(), (QStringList {u"one"_qs, u"two"_qs}));
    QCOMPARE(patch.custom().value(u"score"_qs), u"-5"_qs);
}

void TestColumnMapper::identityColumnsOnly_data()
{
    QTest::addColumn<QString>("fixture");
    const QStringList fixtures = QDir(test::fixturePath(QStringLiteral("io"))).entryList({QStringLiteral("*.csv")});
    QVERIFY(fixtures.size() >= 10);
    for (const QString& name : fixtures)
        QTest::newRow(qPrintable(name)) << name;
    // Several email columns, LinkedIn and Sales Navigator URLs in website and scalar columns, in either order.
    QTest::newRow("generated") << QString();
}

// The first pass of an import maps only the columns that can identify a person; what it finds must be what the
// whole mapping finds, or the rows of one person would be grouped differently from how they are folded.
void TestColumnMapper::identityColumnsOnly()
{
    QFETCH(QString, fixture);
    Table table;
    if (fixture.isEmpty()) {
        QBuffer buffer;
        buffer.setData("First Name,Website,LinkedIn,Email,Work Email,Other Emails,Sales Navigator,Phone,Tags\n"
                       "Ann,https://www.linkedin.com/in/ann,,ann@a.com,ANN@b.com,\"c@c.com; d@d.com\",,0612,x\n"
                       "Bob,https://www.linkedin.com/sales/lead/ACw1,https://linkedin.com/in/bob,,bob@b.com,,,,\n"
                       "Cy,https://cy.example,,,,e@e.com,https://www.linkedin.com/sales/people/ACw2,,y\n"
                       "Di,,,'=di@d.com,,,,,\n");
        buffer.open(QIODevice::ReadOnly);
        table = readTable(&buffer);
    } else {
        table = readFixture(fixture);
    }
    QVERIFY(!table.records.isEmpty());
    const ColumnMapping mapping = ColumnMapper::suggest(table.header);
    const ColumnMapper whole(mapping);
    ColumnMapper identity(mapping);
    identity.keepIdentityColumnsOnly();
    const QStringList keys {FieldRegistry::name(Field::Email), FieldRegistry::extraEmailsName(),
                            FieldRegistry::name(Field::LinkedinUrl), FieldRegistry::name(Field::SalesNavUrl)};
    for (qsizetype row = 0; row < table.records.size(); ++row) {
        const FieldMap expected = flatten(whole.toPatch(table.records.at(row)));
        const FieldMap actual = flatten(identity.toPatch(table.records.at(row)));
        for (const QString& key : keys)
            QVERIFY2(actual.value(key) == expected.value(key),
                     qPrintable(u"row "_qs + QString::number(row) + u": " + key + u" is \"" + actual.value(key)
                                + u"\", the whole mapping says \"" + expected.value(key) + u'"'));
        for (auto it = actual.cbegin(); it != actual.cend(); ++it)
            QVERIFY2(keys.contains(it.key()) || it.key() == u"website"_qs || it.key() == u"extra_websites"_qs,
                     qPrintable(u"row "_qs + QString::number(row) + u": " + it.key() + u" was read"));
    }
}

QTEST_GUILESS_MAIN(TestColumnMapper)
#include "tst_columnmapper.moc"

// Generates a realistic contacts CSV (issue #15's shape, about 158 bytes a row: ten columns, quoted fields, names
// with accents, phones written as people of each country type them, a LinkedIn URL on half the rows, one to three
// tags on two rows in three, about 5% repeated emails in another letter case), imports it with sqlite3's own .import
// into a plain table, then with Roster's import job into an empty database, then again (everything unchanged); prints
// times and peak memory. With --shared K, every K-th row is another person (another email and name) who carries the
// LinkedIn URL of a person 100,003 rows earlier (one person with two addresses, or a data error): those rows fold
// into the earlier one, and the second import must change nothing.
//   bench_import [--rows N] [--dir PATH] [--batch B] [--shared K]
#include "store/ImportJob.h"
#include "store/StoreSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <array>
#include <sys/resource.h>

using namespace roster;

namespace {

// User and system time of every thread so far: on a shared machine, a steadier figure than the wall clock.
double cpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double peakMiB()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

constexpr std::array kFirst {"Anaïs",   "Björn", "Chloé",  "David", "Élodie", "François", "Greta",
                             "Håkon",   "Inès",  "Jürgen", "Kasia", "Léa",    "Mateo",    "Núria",
                             "Olivier", "Paweł", "Søren",  "Zoë",   "Jane",   "Ahmed"};
constexpr std::array kLast {"Dupont",    "Müller", "García",    "Nguyen",   "Łukasiewicz", "O'Brien",
                            "Smith",     "Rossi",  "Andersson", "Kowalski", "Lefèvre",     "Schäfer",
                            "Fernández", "Novák",  "Dubois",    "Martin"};
constexpr std::array kTitles {"CEO",           "Head of Sales, EMEA",  "Account Executive",  "VP Marketing",
                              "Founder & CTO", "Directeur commercial", "Procurement Manager"};
// City and country of the row; the phone is written the way people of that country type it.
constexpr std::array kPlaces {std::pair {"Paris", "France"},           std::pair {"Berlin", "Germany"},
                              std::pair {"London", "United Kingdom"},  std::pair {"Lyon", "France"},
                              std::pair {"New York", "United States"}, std::pair {"München", "Germany"},
                              std::pair {"Kraków", "Poland"},          std::pair {"Bordeaux", "France"}};
constexpr std::array kTags {"lead", "customer", "webinar-2026", "conference",  "newsletter", "partner",
                            "vip",  "cold",     "warm",         "q3-campaign", "trade show", "referral"};

QByteArray digits(qint64 n, int width)
{
    return QByteArray::number(n).rightJustified(width, '0').right(width);
}

// The shapes people type, for the country of the row; one row in fifty is a North American number written
// without its country code, which a French database keeps as typed (with a warning).
QByteArray phone(qint64 person, std::size_t place)
{
    const qint64 x = person * 7919 % 100000000;
    if (person % 50 == 49)
        return "472." + digits(x / 10000 % 1000, 3) + "." + digits(x, 4);
    switch (place) {
    case 1:
    case 5: // +49 (30) 1234-5678: Berlin numbers with their area code in brackets
        return "+49 (30) " + digits(x / 10000, 4) + "-" + digits(x, 4);
    case 2: // London
        return "+44 20 7" + digits(x / 10000, 3) + " " + digits(x, 4);
    case 4: // New York, dots
        return "+1 212." + digits(x / 10000 % 700 + 201, 3) + "." + digits(x, 4);
    case 6: // Kraków
        return "+48 12 " + digits(x / 10000 % 1000, 3) + " " + digits(x / 100, 2) + " " + digits(x, 2);
    default: // France, national format: libphonenumber reads it with the database's region
        return "06 " + digits(x / 1000000 % 28 + 10, 2) + " " + digits(x / 10000, 2) + " " + digits(x / 100, 2) + " "
            + digits(x, 2);
    }
}

QByteArray tags(qint64 person)
{
    if (person % 3 == 0)
        return {};
    QByteArrayList picked;
    for (qint64 k = 0; k <= person % 3; ++k)
        picked << kTags[static_cast<std::size_t>((person / 3 + k * 5) % qint64(kTags.size()))];
    return picked.join(", ");
}

// Ten columns of the shape sales lists have: names with accents, email, phone in the shape of its country,
// company, job title, a LinkedIn URL on about half the rows, city, country, one to three tags on two rows in
// three; every 20th row repeats an earlier person's email in upper case (the same contact, met again).
QByteArray row(qint64 n, qint64 shared)
{
    const bool repeat = n % 20 == 19;
    const qint64 person = repeat ? n - 7 : n;
    const QByteArray first = kFirst[static_cast<std::size_t>(person % kFirst.size())];
    const QByteArray last = kLast[static_cast<std::size_t>((person / 3) % kLast.size())];
    // Cut by letters, not bytes: half a "è" would make the file invalid UTF-8.
    const QByteArray stem = QString::fromUtf8(last).toLower().left(3).toUtf8();
    QByteArray email
        = "p" + QByteArray::number(person) + "." + stem + "@company" + QByteArray::number(person % 20000) + ".com";
    if (repeat)
        email = email.toUpper();
    const QByteArray title = kTitles[static_cast<std::size_t>(person % kTitles.size())];
    const auto profile = [](qint64 p) {
        return p % 2 == 1
            ? QByteArray()
            : "https://www.linkedin.com/in/contact-" + QByteArray::number(p, 36) + "-" + QByteArray::number(p % 97);
    };
    QByteArray linkedin = profile(person);
    if (shared > 0 && !repeat && n % shared == shared - 1 && n >= 100003)
        linkedin = profile(n - 100003);
    const std::size_t place = static_cast<std::size_t>(person / 5 % qint64(kPlaces.size()));
    return "\"" + first + "\",\"" + last + "\"," + email + ",\"" + phone(person, place) + "\",\"Company "
        + QByteArray::number(person % 20000) + "\",\"" + title + "\"," + linkedin + "," + kPlaces[place].first + ","
        + kPlaces[place].second + ",\"" + tags(person) + "\"\n";
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({"rows", "Rows in the generated file.", "n", "1000000"});
    parser.addOption({"batch", "Rows per transaction.", "n", "50000"});
    parser.addOption({"dir", "Folder for the file and databases (default: temporary).", "path"});
    parser.addOption(
        {"shared", "Every K-th row shares an earlier person's LinkedIn URL under another name.", "k", "0"});
    parser.process(app);
    const qint64 rows = parser.value("rows").toLongLong();
    QTemporaryDir temp;
    const QString dir = parser.value("dir").isEmpty() ? temp.path() : parser.value("dir");
    QDir().mkpath(dir);
    // Both passes start from empty databases: a folder reused from an earlier run keeps its files, and sqlite3's
    // .import appends to a table that is there, reading the header as a row.
    for (const char* name : {"/plain.sqlite", "/roster.sqlite"}) {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            QFile::remove(dir + name + suffix);
    }
    const QString csv = dir + "/contacts.csv";
    {
        QFile file(csv);
        file.open(QIODevice::WriteOnly);
        file.write("First Name,Last Name,Email,Phone,Company,Job Title,LinkedIn URL,City,Country,Tags\n");
        for (qint64 n = 0; n < rows; ++n)
            file.write(row(n, parser.value("shared").toLongLong()));
    }
    const double megabytes = static_cast<double>(QFile(csv).size()) / 1e6;
    std::printf("bench_import: %lld rows, %.0f MB (%.0f bytes a row)\n", static_cast<long long>(rows), megabytes,
                megabytes * 1e6 / static_cast<double>(rows));

    QElapsedTimer timer;
    timer.start();
    QProcess sqlite;
    sqlite.start("sqlite3", {dir + "/plain.sqlite", "-cmd", ".mode csv", ".import " + csv + " plain"});
    sqlite.waitForFinished(-1);
    const qint64 sqliteMs = timer.elapsed();
    rusage child {};
    getrusage(RUSAGE_CHILDREN, &child);
    const double sqliteCpu = static_cast<double>(child.ru_utime.tv_sec + child.ru_stime.tv_sec)
        + static_cast<double>(child.ru_utime.tv_usec + child.ru_stime.tv_usec) / 1e6;
    std::printf("%-40s %7.2f s        CPU %.1f s%s\n", "sqlite3 .import into a plain table", sqliteMs / 1000.0,
                sqliteCpu, sqlite.exitCode() == 0 ? "" : "  (sqlite3 failed: is it installed?)");

    auto session = StoreSession::open(dir + "/roster.sqlite", "FR");
    if (!session)
        qFatal("%s", qPrintable(session.error().toString()));
    qint64 firstMs = 0;
    for (const char* pass : {"roster import, empty database", "roster import again (all unchanged)"}) {
        ImportOptions options;
        options.path = csv;
        options.batchSize = parser.value("batch").toInt();
        ImportJob job(**session, options);
        timer.restart();
        const double cpuBefore = cpuSeconds();
        const auto summary = job.run();
        const qint64 ms = timer.elapsed();
        const double cpu = cpuSeconds() - cpuBefore;
        if (!summary)
            qFatal("%s", qPrintable(summary.error().toString()));
        if (firstMs == 0)
            firstMs = ms;
        std::printf("%-40s %7.2f s  %.1fx sqlite3  CPU %.1f s  peak RSS %.0f MiB  (created %lld, updated %lld, "
                    "unchanged %lld, merged %lld, rejected %lld, warnings %lld)\n",
                    pass, ms / 1000.0, static_cast<double>(ms) / std::max<qint64>(sqliteMs, 1), cpu, peakMiB(),
                    static_cast<long long>(summary->created), static_cast<long long>(summary->updated),
                    static_cast<long long>(summary->unchanged), static_cast<long long>(summary->merged),
                    static_cast<long long>(summary->rejected), static_cast<long long>(summary->warnings.size()));
    }
    return 0;
}

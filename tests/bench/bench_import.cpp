// Generates a realistic contacts CSV (about 150 bytes a row: quoted fields, non-ASCII names, a LinkedIn URL on
// three rows in four, about 5% repeated emails in another letter case), imports it with sqlite3's own .import into a
// plain table, then with Roster's import job into an empty database, then again (everything unchanged); prints times
// and peak memory. With --shared K, every K-th row is another person (another email and name) who carries the
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

QByteArray row(qint64 n, qint64 shared)
{
    // Every 20th row repeats an earlier person's email in upper case: the same contact, met again.
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
        return p % 4 == 3
            ? QByteArray()
            : "https://www.linkedin.com/in/contact-" + QByteArray::number(p, 36) + "-" + QByteArray::number(p % 97);
    };
    QByteArray linkedin = profile(person);
    if (shared > 0 && !repeat && n % shared == shared - 1 && n >= 100003)
        linkedin = profile(n - 100003);
    return "\"" + first + "\",\"" + last + "\"," + email + ",\"+33 1 " + QByteArray::number(40000000 + person % 9999999)
        + "\",\"Company " + QByteArray::number(person % 20000) + "\",\"" + title + "\",\"Paris, France\"," + linkedin
        + "\n";
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
    const QString csv = dir + "/contacts.csv";
    {
        QFile file(csv);
        file.open(QIODevice::WriteOnly);
        file.write("First Name,Last Name,Email,Phone,Company,Job Title,Location,LinkedIn URL\n");
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
    std::printf("%-40s %7.2f s%s\n", "sqlite3 .import into a plain table", sqliteMs / 1000.0,
                sqlite.exitCode() == 0 ? "" : "  (sqlite3 failed: is it installed?)");

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
        const auto summary = job.run();
        const qint64 ms = timer.elapsed();
        if (!summary)
            qFatal("%s", qPrintable(summary.error().toString()));
        if (firstMs == 0)
            firstMs = ms;
        std::printf("%-40s %7.2f s  %.1fx sqlite3  peak RSS %.0f MiB  (created %lld, updated %lld, unchanged %lld, "
                    "merged %lld, rejected %lld, warnings %lld)\n",
                    pass, ms / 1000.0, static_cast<double>(ms) / std::max<qint64>(sqliteMs, 1), peakMiB(),
                    static_cast<long long>(summary->created), static_cast<long long>(summary->updated),
                    static_cast<long long>(summary->unchanged), static_cast<long long>(summary->merged),
                    static_cast<long long>(summary->rejected), static_cast<long long>(summary->warnings.size()));
    }
    return 0;
}

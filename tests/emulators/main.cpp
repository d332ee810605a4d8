// roster-emulator: one CRM emulator on 127.0.0.1, so the app can be pointed at it by hand.

#include "EmulatorFactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace roster::emulator;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("roster-emulator"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Serves one CRM emulator on 127.0.0.1 until killed."));
    parser.addHelpOption();
    const QCommandLineOption provider(
        QStringLiteral("provider"), QStringLiteral("lemlist, getsales, highlevel or monaco."), QStringLiteral("name"));
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port (0: any free one)."),
                                  QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("API key the emulator accepts."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption rateScale(QStringLiteral("rate-scale"),
                                       QStringLiteral("Multiplies every rate-limit window (0.1: ten times faster)."),
                                       QStringLiteral("X"), QStringLiteral("1"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Provider switches as JSON, as POST /__emulator/config takes them."),
                                    QStringLiteral("JSON"));
    parser.addOptions({provider, port, key, rateScale, config});
    parser.process(app);

    QTextStream err(stderr);
    auto emulator = EmulatorFactory::create(parser.value(provider));
    if (!emulator) {
        err << "roster-emulator: --provider must be one of " << EmulatorFactory::providers().join(QStringLiteral(", "))
            << Qt::endl;
        return 2;
    }
    bool portOk = false;
    bool scaleOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    const double scale = parser.value(rateScale).toDouble(&scaleOk);
    if (!portOk || !scaleOk || portNumber > 65535 || scale <= 0) {
        err << "roster-emulator: invalid --port or --rate-scale" << Qt::endl;
        return 2;
    }
    if (parser.isSet(key))
        emulator->setApiKey(parser.value(key).toUtf8());
    emulator->setRateScale(scale);
    if (parser.isSet(config)) {
        const QJsonDocument document = QJsonDocument::fromJson(parser.value(config).toUtf8());
        const QString error = document.isObject() ? emulator->applyConfig(document.object())
                                                  : QStringLiteral("--config must be a JSON object");
        if (!error.isEmpty()) {
            err << "roster-emulator: " << error << Qt::endl;
            return 2;
        }
    }
    if (emulator->start(quint16(portNumber)) == 0) {
        err << "roster-emulator: cannot listen on 127.0.0.1:" << portNumber << Qt::endl;
        return 1;
    }
    QTextStream out(stdout);
    out << emulator->baseUrl().toString() << Qt::endl;
    err << "roster-emulator: " << emulator->providerName() << " on " << emulator->baseUrl().toString() << ", key "
        << QString::fromUtf8(emulator->apiKey()) << ", test endpoints under /__emulator/" << Qt::endl;
    return app.exec();
}

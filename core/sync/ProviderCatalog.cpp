#include "ProviderCatalog.h"

#include "getsales/GetSalesProvider.h"
#include "highlevel/HighLevelProvider.h"
#include "lemlist/LemlistProvider.h"
#include "monaco/MonacoProvider.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace roster {

namespace {

QList<ProviderOption> getSalesOptions()
{
    return {ProviderOption {GetSalesProvider::listUuidOption(), QT_TRANSLATE_NOOP("roster::ProviderCatalog", "List ID"),
                            QT_TRANSLATE_NOOP("roster::ProviderCatalog", "The list new contacts go to"), true},
            ProviderOption {
                GetSalesProvider::teamIdOption(), QT_TRANSLATE_NOOP("roster::ProviderCatalog", "Team ID"),
                QT_TRANSLATE_NOOP("roster::ProviderCatalog", "Optional: only if the service asks for a Team-ID"),
                false}};
}

QList<ProviderDescriptor> makeCatalog()
{
    QList<ProviderDescriptor> list;
    list << ProviderDescriptor {QStringLiteral("lemlist"),
                                QStringLiteral("lemlist"),
                                {},
                                false,
                                QStringLiteral("lemlist"),
                                [](ProviderOptions o) { return std::make_unique<LemlistProvider>(std::move(o)); }};
    list << ProviderDescriptor {
        QStringLiteral("getsales"), QStringLiteral("getsales"),
        getSalesOptions(),          true,
        QStringLiteral("getsales"), [](ProviderOptions o) { return std::make_unique<GetSalesProvider>(std::move(o)); }};
    list << ProviderDescriptor {QStringLiteral("grinfi"),
                                QStringLiteral("getsales"),
                                getSalesOptions(),
                                true,
                                QStringLiteral("getsales"),
                                [](ProviderOptions o) {
                                    return std::make_unique<GetSalesProvider>(std::move(o),
                                                                              GetSalesProvider::Flavour::Grinfi);
                                }};
    list << ProviderDescriptor {
        QStringLiteral("highlevel"),
        QStringLiteral("highlevel"),
        {ProviderOption {
            HighLevelProvider::locationIdOption(), QT_TRANSLATE_NOOP("roster::ProviderCatalog", "Location ID"),
            QT_TRANSLATE_NOOP("roster::ProviderCatalog", "The HighLevel sub-account (location) to sync"), true}},
        true,
        QStringLiteral("highlevel"),
        [](ProviderOptions o) { return std::make_unique<HighLevelProvider>(std::move(o)); }};
    list << ProviderDescriptor {
        QStringLiteral("monaco"), QStringLiteral("monaco"), {}, true, QStringLiteral("monaco"), [](ProviderOptions o) {
            return std::make_unique<MonacoProvider>(std::move(o));
        }};
    return list;
}

} // namespace

// The adapter's profile, made once per CRM: the accounts model asks for the display name on every paint.
ProviderProfile profileOf(const ProviderDescriptor& d)
{
    static QMutex lock;
    static QHash<QString, ProviderProfile> profiles;
    const QMutexLocker locked(&lock);
    auto it = profiles.find(d.name);
    if (it == profiles.end())
        it = profiles.insert(d.name, d.create({})->profile());
    return it.value();
}

QString ProviderDescriptor::displayName() const
{
    return profileOf(*this).displayName;
}

QUrl ProviderDescriptor::defaultBaseUrl() const
{
    return profileOf(*this).defaultBaseUrl;
}

QStringList ProviderDescriptor::requiredOptions() const
{
    QStringList keys;
    for (const ProviderOption& option : options) {
        if (option.required)
            keys << option.key;
    }
    return keys;
}

const QList<ProviderDescriptor>& ProviderCatalog::all()
{
    static const QList<ProviderDescriptor> catalog = makeCatalog();
    return catalog;
}

const ProviderDescriptor* ProviderCatalog::find(const QString& name)
{
    for (const ProviderDescriptor& d : all()) {
        if (d.name.compare(name, Qt::CaseInsensitive) == 0)
            return &d;
    }
    return nullptr;
}

QStringList ProviderCatalog::names()
{
    QStringList list;
    for (const ProviderDescriptor& d : all())
        list << d.name;
    return list;
}

} // namespace roster

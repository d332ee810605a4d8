#pragma once

#include "Provider.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

namespace roster {

// One option an account of a CRM carries (GetSales' list, HighLevel's location). The label and hint are
// English source texts marked for translation in the "roster::ProviderCatalog" context; a window shows
// them through QCoreApplication::translate().
struct ProviderOption
{
    QString key;
    const char* label = nullptr;
    const char* hint = nullptr;
    bool required = false;
};

// Everything the program knows about one CRM, in one place: what the account dialog, `roster account add`,
// the accounts model and the sync read instead of lists of the CRMs of their own.
struct ProviderDescriptor
{
    QString name; // as stored in accounts.provider: "lemlist", "getsales", "grinfi", "highlevel", "monaco"
    QString family; // the adapter it runs on: "getsales" for Grinfi, else the name
    QList<ProviderOption> options;
    // Whether a pull can ask for the records changed since a time (lemlist's contacts have no update time:
    // every pull is a full scan, diffed field by field).
    bool incrementalPull = true;
    QString upsertPolicy; // UpsertPolicies::byName(): how records from this CRM match and merge locally
    std::function<std::unique_ptr<Provider>(ProviderOptions)> create;

    QString displayName() const;
    QUrl defaultBaseUrl() const;
    QStringList requiredOptions() const;
};

class ProviderCatalog final
{
public:
    static const QList<ProviderDescriptor>& all();
    // By name, case-insensitive; nullptr for a name no CRM has.
    static const ProviderDescriptor* find(const QString& name);
    static QStringList names();
};

} // namespace roster

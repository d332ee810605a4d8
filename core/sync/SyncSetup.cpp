#include "SyncSetup.h"

namespace roster {

Result<std::unique_ptr<Provider>> SyncSetup::provider(const AccountRecord& account)
{
    ProviderOptions options;
    options.values = account.options;
    auto provider = Provider::create(account.provider, options);
    if (!provider)
        return fail(ErrorCode::InvalidArgument,
                    QStringLiteral("unknown provider '%1' (providers: %2)")
                        .arg(account.provider, Provider::names().join(QStringLiteral(", "))));
    return provider;
}

HttpAccount SyncSetup::httpAccount(const AccountRecord& account, const Provider& provider, const QString& secret,
                                   double timeScale)
{
    HttpAccount http;
    http.name = account.name;
    http.baseUrl = account.baseUrl.isEmpty() ? provider.profile().defaultBaseUrl : account.baseUrl;
    http.secret = secret;
    http.profile = provider.profile();
    http.timeScale = timeScale;
    // Server hints (Retry-After, reset times, HighLevel's interval) are real time, also from the emulators,
    // which compute them from their scaled windows.
    http.hintScale = 1.0;
    return http;
}

QUrl SyncSetup::defaultBaseUrl(const QString& providerName)
{
    const auto provider = Provider::create(providerName);
    return provider ? provider->profile().defaultBaseUrl : QUrl();
}

double SyncSetup::timeScaleFromEnvironment()
{
    bool ok = false;
    const double scale = qEnvironmentVariable("ROSTER_SYNC_TIME_SCALE").toDouble(&ok);
    return ok && scale > 0.0 && scale <= 1.0 ? scale : 1.0;
}

} // namespace roster

#pragma once

#include "HttpAccount.h"
#include "Provider.h"
#include "store/AccountRecord.h"

#include <memory>

namespace roster {

// From a stored account to what a sync needs: the adapter with the account's options, and the transport's
// view of the account (base URL, key, published limits).
class SyncSetup final
{
public:
    // InvalidArgument for an unknown provider name.
    static Result<std::unique_ptr<Provider>> provider(const AccountRecord& account);
    static HttpAccount httpAccount(const AccountRecord& account, const Provider& provider, const QString& secret,
                                   double timeScale = 1.0);
    // The real service's server URL, path prefix included; empty for an unknown provider.
    static QUrl defaultBaseUrl(const QString& provider);
    // ROSTER_SYNC_TIME_SCALE: < 1 shrinks rate-limit windows, server hints and backoff together, so tests
    // and benchmarks can talk to emulators whose limits are scaled the same way. 1 when unset or invalid.
    static double timeScaleFromEnvironment();
};

} // namespace roster

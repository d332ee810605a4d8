#include "EmulatorFactory.h"

#include "GetSalesEmulator.h"
#include "HighLevelEmulator.h"
#include "LemlistEmulator.h"
#include "MonacoEmulator.h"

namespace roster::emulator {

QStringList EmulatorFactory::providers()
{
    return {QStringLiteral("lemlist"), QStringLiteral("getsales"), QStringLiteral("highlevel"),
            QStringLiteral("monaco")};
}

std::unique_ptr<EmulatorServer> EmulatorFactory::create(const QString& provider, QObject* parent)
{
    const QString name = provider.toLower();
    if (name == QLatin1String("lemlist"))
        return std::make_unique<LemlistEmulator>(parent);
    if (name == QLatin1String("getsales") || name == QLatin1String("grinfi"))
        return std::make_unique<GetSalesEmulator>(parent);
    if (name == QLatin1String("highlevel") || name == QLatin1String("leadconnector"))
        return std::make_unique<HighLevelEmulator>(parent);
    if (name == QLatin1String("monaco"))
        return std::make_unique<MonacoEmulator>(parent);
    return nullptr;
}

} // namespace roster::emulator

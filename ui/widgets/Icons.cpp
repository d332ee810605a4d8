#include "Icons.h"

namespace roster {

QIcon Icons::get(const QString& themeName)
{
    return QIcon::fromTheme(themeName, QIcon(QStringLiteral(":/roster/icons/") + themeName + QStringLiteral(".svg")));
}

QIcon Icons::application()
{
    return QIcon::fromTheme(QStringLiteral("roster"), QIcon(QStringLiteral(":/roster/icons/roster.svg")));
}

} // namespace roster

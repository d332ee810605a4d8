#pragma once

#include <QIcon>

namespace roster {

// Toolbar and window icons: the desktop theme's when it has one, else the SVG bundled in resources/icons.
class Icons final
{
public:
    static QIcon get(const QString& themeName);
    static QIcon application();
};

} // namespace roster

#pragma once

#include <QString>

class QWidget;

namespace roster {

// The file choosers of the window, behind one seam: a test sets the next answer and no native dialog
// ever blocks it.
class FileDialogs final
{
public:
    static QString openFile(QWidget* parent, const QString& caption, const QString& filter);
    static QString saveFile(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter);

    // The next openFile()/saveFile() returns this instead of asking (an empty string: "cancelled").
    static void setNextPath(const QString& path);

private:
    static bool takeNext(QString* path);
};

} // namespace roster

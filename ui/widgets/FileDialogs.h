#pragma once

#include <QString>

class QFileDialog;
class QWidget;

namespace roster {

// The file choosers of the window, behind one seam: a test sets the next answer and no native dialog
// ever blocks it.
//
// Every chooser is Qt's own, with an icon provider that never opens a file: a chooser showing the folder of
// the open database would otherwise read roster.sqlite, its -wal and -shm to guess their types (Qt's and
// GTK's choosers both do, in this process), and closing those descriptors drops every SQLite lock the window
// holds on them.
class FileDialogs final
{
public:
    static QString openFile(QWidget* parent, const QString& caption, const QString& filter);
    static QString saveFile(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter);

    // Sets up a chooser as openFile() and saveFile() do.
    static void prepare(QFileDialog& dialog);

    // The next openFile()/saveFile() returns this instead of asking (an empty string: "cancelled").
    static void setNextPath(const QString& path);

private:
    static bool takeNext(QString* path);
};

} // namespace roster

#include "FileDialogs.h"

#include <QFileDialog>

#include <optional>

namespace roster {

namespace {
std::optional<QString>& nextPath()
{
    static std::optional<QString> path;
    return path;
}
} // namespace

void FileDialogs::setNextPath(const QString& path)
{
    nextPath() = path;
}

bool FileDialogs::takeNext(QString* path)
{
    if (!nextPath())
        return false;
    *path = *nextPath();
    nextPath().reset();
    return true;
}

QString FileDialogs::openFile(QWidget* parent, const QString& caption, const QString& filter)
{
    QString path;
    if (takeNext(&path))
        return path;
    return QFileDialog::getOpenFileName(parent, caption, {}, filter);
}

QString FileDialogs::saveFile(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    QString path;
    if (takeNext(&path))
        return path;
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

} // namespace roster

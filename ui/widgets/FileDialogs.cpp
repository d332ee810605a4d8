#include "FileDialogs.h"

#include <QFileDialog>
#include <QFileIconProvider>
#include <QMimeDatabase>

#include <optional>

namespace roster {

namespace {

// Icons and types from the file's name alone: QFileIconProvider asks the MIME database, which reads a file's
// first bytes whenever its name does not settle its type.
class NameOnlyIconProvider final : public QFileIconProvider
{
public:
    QIcon icon(const QFileInfo& info) const override
    {
        return QFileIconProvider::icon(info.isDir() ? QAbstractFileIconProvider::Folder
                                                    : QAbstractFileIconProvider::File);
    }
    QString type(const QFileInfo& info) const override
    {
        if (info.isDir())
            return QFileIconProvider::type(info);
        const QMimeType mime = QMimeDatabase().mimeTypeForFile(info, QMimeDatabase::MatchExtension);
        return mime.comment().isEmpty() ? mime.name() : mime.comment();
    }
};

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
    QFileDialog dialog(parent, caption, {}, filter);
    prepare(dialog);
    dialog.setFileMode(QFileDialog::ExistingFile);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty() ? dialog.selectedFiles().first()
                                                                                   : QString();
}

QString FileDialogs::saveFile(QWidget* parent, const QString& caption, const QString& suggested, const QString& filter)
{
    QString path;
    if (takeNext(&path))
        return path;
    QFileDialog dialog(parent, caption, {}, filter);
    prepare(dialog);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.selectFile(suggested);
    return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty() ? dialog.selectedFiles().first()
                                                                                   : QString();
}

void FileDialogs::prepare(QFileDialog& dialog)
{
    static NameOnlyIconProvider icons;
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setIconProvider(&icons);
}

} // namespace roster

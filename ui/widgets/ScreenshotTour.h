#pragma once

#include <QObject>
#include <QString>

namespace roster {

class MainWindow;

// For the README's pictures (scripts/screenshots.sh): opens each view of a shown main window in turn,
// grabs it into DIR/<name>.png, then quits. Not reachable from the menus.
class ScreenshotTour final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    ScreenshotTour(MainWindow& window, QString directory, QString importFile, QObject* parent = nullptr);
    void start();

private:
    void grab(QWidget* widget, const QString& name);
    void grabContextMenu();
    void settle(int ms = 400);
    void syncViews();

    MainWindow& m_window;
    QString m_directory;
    QString m_importFile;
};

} // namespace roster

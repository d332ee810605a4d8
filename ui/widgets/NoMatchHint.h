#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace roster {

// What the table says when a search or a tag or company matches no contact, with a way back to all of
// them, rather than a blank table that looks like a lost database.
class NoMatchHint final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoMatchHint)

public:
    explicit NoMatchHint(QWidget* parent = nullptr);

    // search: the words typed; empty when only the sidebar's choice narrows the list.
    void setSearch(const QString& search);
    QString text() const;
    QPushButton* clearButton() const { return m_clear; }

signals:
    void clearRequested();

private:
    QLabel* m_label;
    QPushButton* m_clear;
};

} // namespace roster

#include "ImportStatus.h"

#include "dialogs/ImportDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace roster {

ImportStatus::ImportStatus(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("importStatus"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("importStatusText"));
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setMaximumWidth(120);
    m_bar->setMaximumHeight(m_text->sizeHint().height());
    auto* show = new QPushButton(tr("Show"), this);
    show->setObjectName(QStringLiteral("showImportButton"));
    show->setFlat(true);
    connect(show, &QPushButton::clicked, this, [this] {
        if (m_dialog)
            m_dialog->open();
        hide();
    });
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_bar);
    layout->addWidget(show);
    hide();
}

void ImportStatus::follow(ImportDialog* dialog)
{
    m_dialog = dialog;
    connect(dialog, &ImportDialog::sentToBackground, this, [this] {
        showProgress(0, 0);
        show();
    });
    connect(dialog, &ImportDialog::runProgress, this, &ImportStatus::showProgress);
    connect(dialog, &ImportDialog::runEnded, this, &QWidget::hide);
}

ImportDialog* ImportStatus::running() const
{
    return m_dialog && m_dialog->isRunning() ? m_dialog.data() : nullptr;
}

void ImportStatus::showProgress(qint64 rows, int permille)
{
    if (!m_dialog)
        return;
    m_text->setText(
        rows > 0 ? tr("Importing %1: %Ln row(s) read…", nullptr, static_cast<int>(rows)).arg(m_dialog->fileName())
                 : tr("Importing %1…").arg(m_dialog->fileName()));
    m_bar->setValue(permille);
}

} // namespace roster

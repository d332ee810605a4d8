#pragma once

#include "store/SyncRunLog.h"

#include <QChartView>

class QBarCategoryAxis;
class QBarSet;
class QValueAxis;

namespace roster {

// The history of sync runs as grouped bars: records pushed, pulled and failed per run, oldest on the left.
class SyncHistoryChart final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncHistoryChart)

public:
    explicit SyncHistoryChart(QWidget* parent = nullptr);

    // `runs` newest first, as SyncRunLog::runs() gives them; `title` says whose they are.
    void setRuns(const QList<SyncRunLog::Run>& runs, const QString& title);
    int runCount() const { return m_runCount; }
    // The bars' values, oldest run first (tests).
    QList<qreal> pushed() const;
    QList<qreal> pulled() const;
    QList<qreal> failed() const;

private:
    QBarSet* m_pushed;
    QBarSet* m_pulled;
    QBarSet* m_failed;
    QBarCategoryAxis* m_runsAxis;
    QValueAxis* m_countAxis;
    int m_runCount = 0;
};

} // namespace roster

#include "SyncHistoryChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLocale>
#include <QSet>
#include <QValueAxis>

#include <algorithm>

namespace roster {

namespace {

QList<qreal> values(const QBarSet* set)
{
    QList<qreal> list;
    for (int i = 0; i < set->count(); ++i)
        list << set->at(i);
    return list;
}

} // namespace

SyncHistoryChart::SyncHistoryChart(QWidget* parent)
    : QChartView(parent)
    , m_pushed(new QBarSet(tr("Pushed")))
    , m_pulled(new QBarSet(tr("Pulled")))
    , m_failed(new QBarSet(tr("Failed")))
    , m_runsAxis(new QBarCategoryAxis)
    , m_countAxis(new QValueAxis)
{
    setObjectName(QStringLiteral("syncHistoryChart"));
    setAccessibleName(tr("Records pushed, pulled and failed per sync run"));
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
    m_pushed->setColor(QColor(0x3b, 0x7d, 0xd8));
    m_pulled->setColor(QColor(0x4c, 0xa8, 0x5a));
    m_failed->setColor(QColor(0xd0, 0x45, 0x3c));
    auto* series = new QBarSeries;
    series->append({m_pushed, m_pulled, m_failed});
    auto* chart = new QChart;
    chart->addSeries(series);
    chart->addAxis(m_runsAxis, Qt::AlignBottom);
    chart->addAxis(m_countAxis, Qt::AlignLeft);
    series->attachAxis(m_runsAxis);
    series->attachAxis(m_countAxis);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setMin(0);
    // Below the bars, so the runs' times keep the width: on the right the legend (longer in German or French)
    // left them too little and they were cut to "09:…".
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->setAnimationOptions(QChart::NoAnimation);
    setChart(chart);
}

void SyncHistoryChart::setRuns(const QList<SyncRunLog::Run>& runs, const QString& title)
{
    m_pushed->remove(0, m_pushed->count());
    m_pulled->remove(0, m_pulled->count());
    m_failed->remove(0, m_failed->count());
    QStringList categories;
    qint64 highest = 0;
    const QLocale locale;
    // Times only when every run is of one day (the title says which); dates otherwise.
    bool oneDay = true;
    for (const SyncRunLog::Run& run : runs)
        oneDay = oneDay && run.startedAt.toLocalTime().date() == runs.first().startedAt.toLocalTime().date();
    QString format = oneDay ? QStringLiteral("HH:mm") : QStringLiteral("d MMM HH:mm");
    // Runs in the same minute need distinct categories: then every label says the seconds.
    QSet<QString> minutes;
    for (const SyncRunLog::Run& run : runs)
        minutes.insert(locale.toString(run.startedAt.toLocalTime(), format));
    if (minutes.size() < runs.size())
        format += QStringLiteral(":ss");
    for (auto it = runs.crbegin(); it != runs.crend(); ++it) {
        m_pushed->append(qreal(it->totals.pushed));
        m_pulled->append(qreal(it->totals.pulled));
        m_failed->append(qreal(it->totals.failed));
        highest = std::max({highest, it->totals.pushed, it->totals.pulled, it->totals.failed});
        QString label = locale.toString(it->startedAt.toLocalTime(), format);
        while (categories.contains(label))
            label += QChar(0x200B); // runs in the same second still need two categories: an invisible mark
        categories << label;
    }
    m_runsAxis->clear();
    m_runsAxis->append(categories);
    // Whole times, never "09:3…": slanted when they are many or carry seconds, so they do not overlap.
    m_runsAxis->setTruncateLabels(false);
    m_runsAxis->setLabelsAngle(categories.size() > 6 || format.endsWith(QLatin1String(":ss")) ? -45 : 0);
    m_countAxis->setRange(0, qreal(std::max<qint64>(4, highest + highest / 10 + 1)));
    m_countAxis->setTickCount(5);
    m_countAxis->applyNiceNumbers();
    m_runCount = static_cast<int>(runs.size());
    QString heading = title;
    if (!runs.isEmpty() && oneDay)
        heading = tr("%1, %2").arg(title,
                                   locale.toString(runs.first().startedAt.toLocalTime().date(), QLocale::ShortFormat));
    chart()->setTitle(runs.isEmpty() ? tr("No sync yet") : heading);
    // A title wider than the chart is cut short by Qt Charts: the whole of it stays in the tooltip.
    setToolTip(chart()->title());
}

QList<qreal> SyncHistoryChart::pushed() const
{
    return values(m_pushed);
}

QList<qreal> SyncHistoryChart::pulled() const
{
    return values(m_pulled);
}

QList<qreal> SyncHistoryChart::failed() const
{
    return values(m_failed);
}

} // namespace roster

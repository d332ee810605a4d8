#include "VcardReader.h"

#include "VcardProperty.h"

namespace roster {

namespace {

constexpr qsizetype kMaxLine = 16 * 1024 * 1024;

bool isBegin(const VcardProperty& property)
{
    return property.name() == u"BEGIN" && property.text().trimmed().compare(u"VCARD", Qt::CaseInsensitive) == 0;
}

bool isEnd(const VcardProperty& property)
{
    return property.name() == u"END" && property.text().trimmed().compare(u"VCARD", Qt::CaseInsensitive) == 0;
}

} // namespace

VcardReader::VcardReader(QIODevice* device)
    : m_input(device)
{
}

bool VcardReader::looksLikeVcard(QByteArrayView sample)
{
    QByteArray text = sample.first(qMin<qsizetype>(sample.size(), 4096)).toByteArray();
    text.removeIf([](char c) { return c == 0; }); // UTF-16: its ASCII letters are the bytes beside the NULs
    for (const QByteArrayView bom :
         {QByteArrayView("\xEF\xBB\xBF"), QByteArrayView("\xFF\xFE"), QByteArrayView("\xFE\xFF")}) {
        if (text.startsWith(bom)) {
            text.remove(0, bom.size());
            break;
        }
    }
    qsizetype i = 0;
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\r' || text.at(i) == '\n'))
        ++i;
    constexpr QByteArrayView begin("BEGIN:VCARD");
    if (text.size() - i < begin.size()
        || QByteArrayView(text).sliced(i, begin.size()).compare(begin, Qt::CaseInsensitive) != 0)
        return false;
    const qsizetype after = i + begin.size();
    return after == text.size() || text.at(after) == '\r' || text.at(after) == '\n' || text.at(after) == ' '
        || text.at(after) == '\t';
}

Result<void> VcardReader::open()
{
    if (m_open)
        return fail(ErrorCode::InvalidArgument, QStringLiteral("already open"));
    m_open = true;
    if (const auto ok = m_input.open(m_forcedEncoding, m_asciiFallback); !ok)
        return ok;
    const auto more = m_input.readMore(m_buffer);
    if (!more)
        return std::unexpected(more.error());
    if (m_buffer.trimmed().isEmpty())
        return fail(ErrorCode::EmptyFile, QStringLiteral("the file is empty"));
    if (!m_buffer.contains(u"BEGIN:VCARD", Qt::CaseInsensitive))
        return fail(ErrorCode::ParseError, QStringLiteral("no BEGIN:VCARD: not a vCard file"));
    return {};
}

Result<bool> VcardReader::nextPhysicalLine(QString& line, qint64& number)
{
    for (;;) {
        const QChar* begin = m_buffer.constData();
        const QChar* end = begin + m_buffer.size();
        const QChar* p = begin + m_pos;
        while (p < end && *p != u'\n' && *p != u'\r')
            ++p;
        const bool final = m_input.atEnd();
        if (p < end && (*p == u'\n' || p + 1 < end || final)) {
            line = QString(begin + m_pos, p - (begin + m_pos));
            if (*p == u'\r' && p + 1 < end && p[1] == u'\n')
                ++p;
            m_pos = p + 1 - begin;
            number = m_line++;
            return true;
        }
        if (final) {
            if (m_pos >= m_buffer.size())
                return false;
            line = m_buffer.mid(m_pos);
            m_pos = m_buffer.size();
            number = m_line++;
            return true;
        }
        if (m_buffer.size() - m_pos > kMaxLine)
            return fail(ErrorCode::ParseError, QStringLiteral("line %1 is too long").arg(m_line));
        const qsizetype pending = m_buffer.size() - m_pos;
        m_buffer.remove(0, m_pos);
        m_pos = 0;
        if (const auto more = m_input.readMore(m_buffer, pending * 2); !more)
            return std::unexpected(more.error());
    }
}

Result<bool> VcardReader::nextLogicalLine(QString& line, qint64& number)
{
    for (;;) {
        if (!m_hasPeek) {
            const auto got = nextPhysicalLine(m_peek, m_peekLine);
            if (!got)
                return got;
            if (!*got)
                return false;
        }
        line = std::move(m_peek);
        number = m_peekLine;
        m_hasPeek = false;
        const bool quotedPrintable = VcardProperty::isQuotedPrintableLine(line);
        for (;;) {
            const auto got = nextPhysicalLine(m_peek, m_peekLine);
            if (!got)
                return got;
            if (!*got)
                break;
            if (quotedPrintable && line.endsWith(QLatin1Char('='))) {
                line.chop(1); // a quoted-printable soft line break
                if (line.size() < kMaxLine)
                    line += m_peek;
            } else if (!m_peek.isEmpty() && (m_peek.front() == u' ' || m_peek.front() == u'\t')) {
                if (line.size() < kMaxLine) // an inline photo beyond this is dropped, not kept in memory
                    line += QStringView(m_peek).sliced(1);
            } else {
                m_hasPeek = true;
                break;
            }
        }
        if (!line.trimmed().isEmpty())
            return true;
    }
}

Result<bool> VcardReader::readCard(Card& card)
{
    if (!m_open)
        return false;
    int depth = 0;
    const auto startCard = [&](qint64 line) {
        card.line = line;
        card.version.clear();
        card.problem.clear();
        card.notKept.clear();
        m_builder = VcardContactBuilder();
    };
    if (m_pendingBegin > 0) {
        startCard(m_pendingBegin);
        m_pendingBegin = 0;
        depth = 1;
    }
    // Only vCard 2.1's AGENT property holds a card inside a card (its value on the lines that follow); any
    // other BEGIN:VCARD inside a card means the card before lacks its END:VCARD.
    bool agentValueFollows = false;
    QString line;
    qint64 number = 0;
    for (;;) {
        const auto got = nextLogicalLine(line, number);
        if (!got)
            return got;
        if (!*got)
            break;
        const auto property = VcardProperty::parse(line);
        if (!property)
            continue;
        const bool agent = std::exchange(agentValueFollows, false);
        if (isBegin(*property)) {
            if (depth == 1 && !agent) {
                card.patch = m_builder.finish(&card.notKept);
                card.problem = QStringLiteral("the card starting on line %1 has no END:VCARD; it was read up to "
                                              "line %2, where the next card begins")
                                   .arg(card.line)
                                   .arg(number);
                m_pendingBegin = number;
                return true;
            }
            if (depth++ == 0)
                startCard(number);
            continue;
        }
        if (depth == 0)
            continue;
        if (isEnd(*property)) {
            if (--depth == 0) {
                card.patch = m_builder.finish(&card.notKept);
                return true;
            }
            continue;
        }
        if (depth > 1)
            continue;
        if (property->name() == u"AGENT" && property->text().trimmed().isEmpty())
            agentValueFollows = true;
        else if (property->name() == u"VERSION")
            card.version = property->text().trimmed();
        else
            m_builder.add(*property);
    }
    if (depth > 0) {
        card.patch = m_builder.finish(&card.notKept);
        card.problem = QStringLiteral("the card starting on line %1 has no END:VCARD; it was read to the end of "
                                      "the file")
                           .arg(card.line);
        return true;
    }
    return false;
}

} // namespace roster

#include "LinkedinUrlNormalizer.h"

#include <QRegularExpression>
#include <QUrl>

namespace roster {

namespace {

// The path segments of a LinkedIn URL, or nothing when the text is not a LinkedIn http(s) URL.
std::optional<QStringList> linkedinPath(const QString& input)
{
    QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (!text.contains(QLatin1String("://")))
        text.prepend(QLatin1String("https://"));
    const QUrl url(text, QUrl::TolerantMode);
    if (!url.isValid())
        return std::nullopt;
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return std::nullopt;
    static const QRegularExpression host(QStringLiteral("^(?:(?:www|[a-z]{1,3})\\.)?linkedin\\.com$"));
    if (!host.match(url.host().toLower()).hasMatch())
        return std::nullopt;
    // FullyDecoded turns %C3%A9 into é, so encoded and plain spellings compare equal.
    QStringList segments = url.path(QUrl::FullyDecoded).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    return segments;
}

bool isValidSlug(const QString& slug)
{
    if (slug.isEmpty() || slug.size() > 200)
        return false;
    for (QChar c : slug) {
        if (!(c.isLetterOrNumber() || c == u'-' || c == u'_' || c.isMark()))
            return false;
    }
    return true;
}

Result<QString> slugUrl(const QString& input, QLatin1String kind, ErrorCode code, const QString& field)
{
    const auto segments = linkedinPath(input);
    if (!segments || segments->size() < 2 || segments->at(0).toLower() != kind)
        return fail(code, QStringLiteral("'%1' is not a LinkedIn %2 URL").arg(input.trimmed(), kind), field);
    const QString slug = segments->at(1).toLower();
    if (!isValidSlug(slug))
        return fail(code, QStringLiteral("'%1' has no valid LinkedIn %2 name").arg(input.trimmed(), kind), field);
    return QStringLiteral("https://www.linkedin.com/") + kind + QLatin1Char('/') + slug;
}

} // namespace

// Already canonical (what Roster stores and exports): skip URL parsing, the common case on re-imports.
static bool isCanonicalProfile(const QString& input)
{
    static const QLatin1String prefix("https://www.linkedin.com/in/");
    if (!input.startsWith(prefix) || input.size() == prefix.size())
        return false;
    for (qsizetype i = prefix.size(); i < input.size(); ++i) {
        const QChar c = input.at(i);
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_'))
            return false;
    }
    return true;
}

Result<QString> LinkedinUrlNormalizer::profile(const QString& input)
{
    if (isCanonicalProfile(input))
        return input;
    return slugUrl(input, QLatin1String("in"), ErrorCode::InvalidLinkedinUrl, QStringLiteral("linkedin_url"));
}

Result<QString> LinkedinUrlNormalizer::company(const QString& input)
{
    return slugUrl(input, QLatin1String("company"), ErrorCode::InvalidUrl, QStringLiteral("company_linkedin_url"));
}

Result<QString> LinkedinUrlNormalizer::salesNav(const QString& input)
{
    const QString field = QStringLiteral("sales_nav_url");
    const auto segments = linkedinPath(input);
    if (!segments || segments->size() < 3 || segments->at(0).toLower() != QLatin1String("sales"))
        return fail(ErrorCode::InvalidSalesNavUrl,
                    QStringLiteral("'%1' is not a Sales Navigator profile URL").arg(input.trimmed()), field);
    const QString kind = segments->at(1).toLower();
    if (kind != QLatin1String("lead") && kind != QLatin1String("people"))
        return fail(ErrorCode::InvalidSalesNavUrl,
                    QStringLiteral("'%1' is not a Sales Navigator profile URL").arg(input.trimmed()), field);
    // Lead URLs carry ",NAME_SEARCH,xyz" style suffixes after the member id.
    const QString id = segments->at(2).section(QLatin1Char(','), 0, 0);
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9_-]{6,}$"));
    if (!idPattern.match(id).hasMatch())
        return fail(ErrorCode::InvalidSalesNavUrl,
                    QStringLiteral("'%1' has no valid Sales Navigator member id").arg(input.trimmed()), field);
    return QStringLiteral("https://www.linkedin.com/sales/lead/") + id;
}

} // namespace roster

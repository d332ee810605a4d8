#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace roster {

// The kinds of phone people keep, as vCard's TEL types and the address books' columns name them. A phone
// whose kind nobody said has no type (an empty name), which is not the same as "other".
enum class PhoneType : std::uint8_t { None, Mobile, Work, Home, Fax, Other };

struct PhoneEntry
{
    QString number; // E.164 when it is a valid number, otherwise as typed
    PhoneType type = PhoneType::None;

    bool operator==(const PhoneEntry&) const = default;
};

using PhoneList = QList<PhoneEntry>;

// Names, labels and the text forms of phone lists.
class PhoneTypes final
{
public:
    // "mobile", "work", "home", "fax", "other"; empty for None.
    static QString name(PhoneType type);
    // The exact names above (any case); nullopt for anything else. An empty text is None.
    static std::optional<PhoneType> fromName(QStringView name);
    // What address books write: vCard TYPE values ("cell", "voice", "fax", "work"; several at once), Google's
    // and Outlook's labels ("Mobile", "Work Fax", "Business", "Main"). Nullopt when nothing in it is a kind.
    static std::optional<PhoneType> fromLabel(QStringView label);
    static std::optional<PhoneType> fromLabels(const QStringList& labels);

    // "+33612345678 (mobile); +14155550100": the form of CSV cells and of `extra_phones=` on the command
    // line. Entries are separated by "; " (a semicolon and a space: a number as typed may carry ";ext=")
    // or by Google's " ::: ".
    static QString toText(const PhoneList& phones);
    static PhoneList fromText(QStringView text);
    static QString entryText(const PhoneEntry& phone);
    static PhoneEntry entryFromText(QStringView text);

    // What makes two stored phones one: the E.164 number, else the letters and digits as typed.
    static QString identity(const QString& number);
    // One phone: the same identity, or a stored E.164 number and the same number as its country writes it
    // (PhoneNormalizer::isSameNumber).
    static bool isSame(const QString& a, const QString& b);
    static bool contains(const PhoneList& phones, const QString& number);
    // Adds the phones not there yet; a phone already there keeps its place and takes a kind it lacked.
    static PhoneList appendMissing(PhoneList list, const PhoneList& additions);

    // [{"number": "...", "type": "mobile"}, ...]: the change log's and the JSON export's form.
    static QString toJson(const PhoneList& phones);
    static PhoneList fromJson(const QString& text);
};

} // namespace roster

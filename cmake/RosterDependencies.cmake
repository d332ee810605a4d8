# libphonenumber and uchardet ship no CMake package on Debian 12: wrap them as imported targets.
find_path(PHONENUMBER_INCLUDE_DIR phonenumbers/phonenumberutil.h REQUIRED)
find_library(PHONENUMBER_LIBRARY phonenumber REQUIRED)
# PhoneValidity parses the library's metadata with the protobuf runtime the library itself links.
find_library(PROTOBUF_LIBRARY protobuf REQUIRED)
add_library(Roster::PhoneNumber UNKNOWN IMPORTED)
set_target_properties(Roster::PhoneNumber PROPERTIES
    IMPORTED_LOCATION "${PHONENUMBER_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${PHONENUMBER_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${PROTOBUF_LIBRARY}")

find_package(PkgConfig REQUIRED)
pkg_check_modules(UCHARDET REQUIRED IMPORTED_TARGET uchardet)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
add_library(Roster::Uchardet ALIAS PkgConfig::UCHARDET)
add_library(Roster::Sqlite3 ALIAS PkgConfig::SQLITE3)

# One INTERFACE target carries the language level, warnings and Qt defines; every target links it.
add_library(roster_compile_settings INTERFACE)
target_compile_features(roster_compile_settings INTERFACE cxx_std_23)
target_compile_options(roster_compile_settings INTERFACE -Wall -Wextra -Wpedantic -Werror)
target_compile_definitions(roster_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH)
if(ROSTER_SANITIZE)
    target_compile_options(roster_compile_settings INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(roster_compile_settings INTERFACE -fsanitize=address,undefined)
endif()
set(CMAKE_CXX_EXTENSIONS OFF)

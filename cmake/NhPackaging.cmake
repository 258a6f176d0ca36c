# SPDX-FileCopyrightText: 2026 The nhconsole authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What `cmake --install` puts beside the executables, and the Debian package `cpack -G DEB`
# makes of it (`tools/dev package`; docs/toolchain.md §7). The executables, the .desktop file
# and the icon are installed by app/, the .qm catalogues by core/ (nh_i18n).

# --- man pages and nhcli's shell completion, generated from the executables' own options ---
# tools/gen-cli-docs runs `nhcli --dump-commands` and the other two's `--help`, so a new command
# or option is in every file at the next build (tests/package/check_cli_docs.py checks it).
file(STRINGS "${PROJECT_SOURCE_DIR}/resources/debian/changelog" nh_changelog_trailer
    REGEX "^ -- .*  ")
list(GET nh_changelog_trailer 0 nh_changelog_trailer)
string(REGEX REPLACE "^.*  [A-Za-z]+, ([0-9]+) ([A-Za-z]+) ([0-9]+) .*$" "\\3 \\2 \\1"
    nh_changelog_date "${nh_changelog_trailer}")
set(nh_months Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec)
string(REGEX MATCHALL "[^ ]+" nh_date_parts "${nh_changelog_date}")
list(GET nh_date_parts 1 nh_month)
list(FIND nh_months "${nh_month}" nh_month)
math(EXPR nh_month "${nh_month} + 1")
list(GET nh_date_parts 0 nh_year)
list(GET nh_date_parts 2 nh_day)
string(REGEX REPLACE "^([0-9])$" "0\\1" nh_month "${nh_month}")
string(REGEX REPLACE "^([0-9])$" "0\\1" nh_day "${nh_day}")
# The pages are dated by the newest changelog entry, not the build: the package is reproducible.
set(NH_RELEASE_DATE "${nh_year}-${nh_month}-${nh_day}")

set(NH_DOCS_DIR "${CMAKE_BINARY_DIR}/docs")
set(nh_docs_outputs
    "${NH_DOCS_DIR}/nhcli.1.gz" "${NH_DOCS_DIR}/nhemulator.1.gz" "${NH_DOCS_DIR}/nhconsole.1.gz"
    "${NH_DOCS_DIR}/nhcli.bash" "${NH_DOCS_DIR}/_nhcli" "${NH_DOCS_DIR}/nhcli.fish")
add_custom_command(OUTPUT ${nh_docs_outputs}
    COMMAND "${Python3_EXECUTABLE}" "${PROJECT_SOURCE_DIR}/tools/gen-cli-docs"
        --nhcli "$<TARGET_FILE:nhcli>" --nhemulator "$<TARGET_FILE:nhemulator>"
        --nhconsole "$<TARGET_FILE:nhconsole>"
        --version "${PROJECT_VERSION}" --date "${NH_RELEASE_DATE}" "${NH_DOCS_DIR}"
    DEPENDS nhcli nhemulator nhconsole "${PROJECT_SOURCE_DIR}/tools/gen-cli-docs"
    COMMENT "Man pages and nhcli's shell completion from the option definitions"
    VERBATIM)
# Not part of a sanitizer build's default target: running its executables at build time would
# make a leak report fail the build, and nobody installs that build.
if(NH_SANITIZE)
    add_custom_target(nh_cli_docs DEPENDS ${nh_docs_outputs})
else()
    add_custom_target(nh_cli_docs ALL DEPENDS ${nh_docs_outputs})
endif()

install(FILES "${NH_DOCS_DIR}/nhcli.1.gz" "${NH_DOCS_DIR}/nhemulator.1.gz"
    "${NH_DOCS_DIR}/nhconsole.1.gz" DESTINATION share/man/man1)
install(FILES "${NH_DOCS_DIR}/nhcli.bash" DESTINATION share/bash-completion/completions
    RENAME nhcli)
install(FILES "${NH_DOCS_DIR}/_nhcli" DESTINATION share/zsh/vendor-completions)
install(FILES "${NH_DOCS_DIR}/nhcli.fish" DESTINATION share/fish/vendor_completions.d)

# --- AppStream, copyright, changelog ---
install(FILES "${PROJECT_SOURCE_DIR}/resources/invalid.example.nhconsole.metainfo.xml"
    DESTINATION share/metainfo)
install(FILES "${PROJECT_SOURCE_DIR}/resources/debian/copyright" DESTINATION share/doc/nhconsole)
# The lintian warnings the package accepts, each with its reason.
install(FILES "${PROJECT_SOURCE_DIR}/resources/debian/lintian-overrides"
    DESTINATION share/lintian/overrides RENAME nhconsole)
# Debian wants the changelog compressed with gzip -9n (no name, no time stamp).
set(nh_changelog_gz "${CMAKE_BINARY_DIR}/docs/changelog.Debian.gz")
add_custom_command(OUTPUT "${nh_changelog_gz}"
    COMMAND gzip -9nc "${PROJECT_SOURCE_DIR}/resources/debian/changelog" > "${nh_changelog_gz}"
    DEPENDS "${PROJECT_SOURCE_DIR}/resources/debian/changelog"
    COMMENT "changelog.Debian.gz")
add_custom_target(nh_changelog ALL DEPENDS "${nh_changelog_gz}")
install(FILES "${nh_changelog_gz}" DESTINATION share/doc/nhconsole)

# --- the Debian package ---
# Its version is the newest changelog entry's: the project's version and a Debian revision.
file(STRINGS "${PROJECT_SOURCE_DIR}/resources/debian/changelog" nh_changelog_first LIMIT_COUNT 1)
if(NOT nh_changelog_first MATCHES "^nhconsole \\(${PROJECT_VERSION}-([0-9]+)\\) ")
    message(FATAL_ERROR "resources/debian/changelog begins with '${nh_changelog_first}': add an "
        "entry for version ${PROJECT_VERSION} (nhconsole (${PROJECT_VERSION}-1) unstable; ...)")
endif()
set(nh_debian_revision "${CMAKE_MATCH_1}")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nhconsole)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_VENDOR "The nhconsole authors")
set(CPACK_PACKAGE_CONTACT "The nhconsole authors <nhconsole@example.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "debugging console for Azure Notification Hubs")
set(CPACK_PACKAGE_INSTALL_DIRECTORY nhconsole)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE "${nh_debian_revision}")
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# The extended description (CPack puts the summary above it and indents it as Debian wants).
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Compose a native or template push for any platform a hub accepts, send it
with the REST API's test flag, and see exactly what went out next to what
the hub did with it. Every exchange is kept.

The package holds the desktop console (nhconsole), its command line (nhcli)
and a local emulator of the hub's REST API (nhemulator), so it works without
an Azure account.")
# Library dependencies from the binaries (dpkg-shlibdeps); Qt's plugins are loaded at run time,
# so shlibdeps cannot see them: the platform plugins (xcb), SQLite for the history file, the SVG
# icon engine for the icons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
# Keys go to the Secret Service; without one the console keeps them for the run only.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager")
include(CPack)

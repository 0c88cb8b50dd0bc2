# What `cmake --install` puts in place: the koers command, libkoers (shared) with its
# headers, and a CMake package, so that another project can say
#   find_package(koers 0.1 REQUIRED)
#   target_link_libraries(app PRIVATE koers::koers)
include(CMakePackageConfigHelpers)

set(KOERS_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/koers)

install(TARGETS koers koers-serve RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS koers_api EXPORT koersTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/koers/koers.hpp ${PROJECT_SOURCE_DIR}/include/koers/koers.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/koers)
install(EXPORT koersTargets NAMESPACE koers:: DESTINATION ${KOERS_CMAKE_DIR})

configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/koersConfig.cmake.in
  ${PROJECT_BINARY_DIR}/koersConfig.cmake
  INSTALL_DESTINATION ${KOERS_CMAKE_DIR}
  PATH_VARS CMAKE_INSTALL_BINDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/koersConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/koersConfig.cmake ${PROJECT_BINARY_DIR}/koersConfigVersion.cmake
  DESTINATION ${KOERS_CMAKE_DIR})

# The alliance ruleset, where an installed `koers advise` looks for it by default.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rulesets/alliance DESTINATION ${CMAKE_INSTALL_DATADIR}/koers/rulesets
  FILES_MATCHING PATTERN "*.koers")

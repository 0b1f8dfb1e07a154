# Checks that keep the layers of docs/design.md §1 apart. They run when the whole project has
# been configured (cmake_language(DEFER)), so a dependency added anywhere, directly or through
# another target, fails the configure instead of slipping into a build.

# Every target that `target` links, directly or through the interface of what it links (Qt's
# imported targets included), without `target` itself.
function(headroom_link_closure target out_var)
    set(closure)
    set(pending ${target})
    while(pending)
        list(POP_FRONT pending current)
        set(properties INTERFACE_LINK_LIBRARIES)
        if(current STREQUAL target)
            list(APPEND properties LINK_LIBRARIES) # its private links count too
        endif()
        foreach(property IN LISTS properties)
            get_target_property(libs ${current} ${property})
            if(NOT libs)
                continue()
            endif()
            foreach(lib IN LISTS libs)
                # A static library's private links reach its users as $<LINK_ONLY:...>.
                string(REGEX REPLACE "^\\$<LINK_ONLY:(.+)>$" "\\1" lib "${lib}")
                if(NOT TARGET "${lib}")
                    continue()
                endif()
                get_target_property(aliased ${lib} ALIASED_TARGET) # Headroom::core is headroom_core
                if(aliased)
                    set(lib ${aliased})
                endif()
                if(NOT lib IN_LIST closure)
                    list(APPEND closure ${lib})
                    list(APPEND pending ${lib})
                endif()
            endforeach()
        endforeach()
    endwhile()
    set(${out_var} ${closure} PARENT_SCOPE)
endfunction()

# Fails the configure when `target` links, at any depth, a target matching `pattern` (a
# regular expression over target names); `why` ends the message.
function(headroom_assert_not_linked target pattern why)
    headroom_link_closure(${target} linked)
    list(FILTER linked INCLUDE REGEX "${pattern}")
    if(linked)
        list(JOIN linked ", " names)
        message(FATAL_ERROR "${target} must not link ${names}: ${why}")
    endif()
endfunction()

# Fails the configure when a C++ file in `directory` (not its subfolders) includes a header
# matching `pattern` (a regular expression over the text between the quotes or brackets).
function(headroom_assert_not_included directory pattern why)
    file(GLOB sources ${directory}/*.h ${directory}/*.cpp)
    foreach(source IN LISTS sources)
        file(STRINGS ${source} hits REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<](${pattern})")
        if(hits)
            list(GET hits 0 hit)
            message(FATAL_ERROR "${source}: ${hit}: ${why}")
        endif()
    endforeach()
endfunction()

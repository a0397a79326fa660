/* The user's documents folder, as the desktop names it. */
#ifndef SCEPWIZ_USERDIRS_H
#define SCEPWIZ_USERDIRS_H

#include <stddef.h>

/* $XDG_DOCUMENTS_DIR; else XDG_DOCUMENTS_DIR in $XDG_CONFIG_HOME/user-dirs.dirs
 * (~/.config when unset), where desktops keep it; else ~/Documents when it
 * exists; else the home folder. Writes it into BUF and returns BUF. */
const char *userdirs_documents(char *buf, size_t size);

#endif

// Copyright: (c) 2026, ipneighbor.windows contributors
// GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

/* The lab host's state in and out of the double: every module run is a new pwsh
 * process, so the double loads the host when the process loads it and writes the
 * tables and the call counts back when the process exits. Only when
 * LAB_DOUBLE_STATE names the state file (tests/lab/lab_state.py writes it from
 * the host's JSON as tab-separated lines, and reads LAB_DOUBLE_STATE.out back). */
#define _GNU_SOURCE
#include "iphlpapi_double.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char out_path[4096];

static void fail(const char *what, const char *line) {
    fprintf(stderr, "lab double: %s: %s\n", what, line);
    exit(70);
}

/* address, interface and MAC hex ("-" for none: an unresolved entry) into a row */
static DBL_MIB_IPNET_ROW2 row_of(const char *address, const char *index, const char *mac, const char *line) {
    DBL_MIB_IPNET_ROW2 row;
    memset(&row, 0, sizeof row);
    if (inet_pton(AF_INET, address, row.Address.Ipv4.sin_addr) == 1) {
        row.Address.si_family = DBL_AF_INET;
    } else if (inet_pton(AF_INET6, address, row.Address.Ipv6.sin6_addr) == 1) {
        row.Address.si_family = DBL_AF_INET6;
    } else {
        fail("bad address", line);
    }
    row.InterfaceIndex = (uint32_t)strtoul(index, NULL, 10);
    size_t length = strcmp(mac, "-") == 0 ? 0 : strlen(mac) / 2;
    if (length > sizeof row.PhysicalAddress) fail("MAC too long", line);
    for (size_t i = 0; i < length; i++) {
        unsigned byte;
        if (sscanf(mac + 2 * i, "%2x", &byte) != 1) fail("bad MAC", line);
        row.PhysicalAddress[i] = (uint8_t)byte;
    }
    row.PhysicalAddressLength = (uint32_t)length;
    return row;
}

static void load_line(char *line) {
    char *field[8] = {0};
    int n = 0;
    for (char *save = NULL, *f = strtok_r(line, "\t", &save); f && n < 8; f = strtok_r(NULL, "\t", &save)) {
        field[n++] = f;
    }
    if (n == 0) return;
    if (strcmp(field[0], "interface") == 0 && n == 7) {
        uint32_t index = (uint32_t)strtoul(field[1], NULL, 10);
        if (dbl_add_interface(index, strtoull(field[2], NULL, 10), field[6], atoi(field[3]), atoi(field[4])) != 0 ||
            dbl_set_link_length(index, (uint32_t)strtoul(field[5], NULL, 10)) != 0)
            fail("interface refused", field[6]);
    } else if (strcmp(field[0], "neighbor") == 0 && n == 6) {
        DBL_MIB_IPNET_ROW2 row = row_of(field[1], field[2], field[3], field[1]);
        row.State = atoi(field[4]);
        row.Flags = (uint8_t)atoi(field[5]);
        if (dbl_add_neighbor(&row) != 0) fail("neighbor refused", field[1]);
    } else if (strcmp(field[0], "persistent") == 0 && n == 4) {
        DBL_MIB_IPNET_ROW2 row = row_of(field[1], field[2], field[3], field[1]);
        if (dbl_add_persistent(&row) != 0) fail("persistent entry refused", field[1]);
    } else if (strcmp(field[0], "answer") == 0 && n == 5) {
        DBL_MIB_IPNET_ROW2 row = row_of(field[1], field[2], field[3], field[1]);
        row.Flags = (uint8_t)atoi(field[4]);
        if (dbl_add_answer(&row) != 0) fail("answer refused", field[1]);
    } else if (strcmp(field[0], "fault") == 0 && n == 3) {
        if (dbl_set_fault(field[1], (uint32_t)strtoul(field[2], NULL, 10)) != 0) fail("no such function", field[1]);
    } else if (strcmp(field[0], "option") == 0 && n == 3) {
        if (dbl_set_option(field[1], atoi(field[2])) != 0) fail("no such option", field[1]);
    } else {
        fail("bad line", field[0]);
    }
}

static void write_row(FILE *out, const char *kind, const DBL_MIB_IPNET_ROW2 *row, int with_state) {
    char address[INET6_ADDRSTRLEN];
    if (row->Address.si_family == DBL_AF_INET)
        inet_ntop(AF_INET, row->Address.Ipv4.sin_addr, address, sizeof address);
    else
        inet_ntop(AF_INET6, row->Address.Ipv6.sin6_addr, address, sizeof address);
    fprintf(out, "%s\t%s\t%u\t", kind, address, row->InterfaceIndex);
    for (uint32_t i = 0; i < row->PhysicalAddressLength; i++) fprintf(out, "%02X", row->PhysicalAddress[i]);
    if (row->PhysicalAddressLength == 0) fputc('-', out);
    if (with_state) fprintf(out, "\t%d\t%d", row->State, row->Flags & 1);
    fputc('\n', out);
}

__attribute__((constructor)) static void lab_load(void) {
    const char *path = getenv("LAB_DOUBLE_STATE");
    if (path == NULL || *path == '\0') return;
    FILE *in = fopen(path, "r");
    if (in == NULL) fail("cannot read", path);
    dbl_reset();
    char *line = NULL;
    size_t size = 0;
    ssize_t got;
    while ((got = getline(&line, &size, in)) > 0) {
        if (line[got - 1] == '\n') line[got - 1] = '\0';
        load_line(line);
    }
    free(line);
    fclose(in);
    snprintf(out_path, sizeof out_path, "%s.out", path);
}

__attribute__((destructor)) static void lab_save(void) {
    if (out_path[0] == '\0') return;
    FILE *out = fopen(out_path, "w");
    if (out == NULL) return;
    DBL_MIB_IPNET_ROW2 row;
    for (uint32_t i = 0; i < dbl_neighbor_count(); i++)
        if (dbl_get_neighbor(i, &row) == 0) write_row(out, "neighbor", &row, 1);
    for (uint32_t i = 0; i < dbl_persistent_count(); i++)
        if (dbl_get_persistent(i, &row) == 0) write_row(out, "persistent", &row, 0);
    const char *name;
    for (uint32_t i = 0; (name = dbl_counted(i)) != NULL; i++)
        fprintf(out, "calls\t%s\t%llu\n", name, (unsigned long long)dbl_calls(name));
    fclose(out);
}

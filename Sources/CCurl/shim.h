#ifndef PAYCHASE_CCURL_SHIM_H
#define PAYCHASE_CCURL_SHIM_H

#include <curl/curl.h>

// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call.
// These typed wrappers are the only way PayChase reaches them.

static inline CURLcode pc_setopt_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_setopt_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_setopt_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_setopt_slist(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode pc_setopt_offset(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*pc_data_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode pc_setopt_data_callback(CURL *handle, CURLoption option, pc_data_callback callback) {
    return curl_easy_setopt(handle, option, callback);
}

typedef int (*pc_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);

static inline CURLcode pc_setopt_debug_callback(CURL *handle, pc_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode pc_getinfo_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

static inline CURLcode pc_getinfo_string(CURL *handle, CURLINFO info, char **value) {
    return curl_easy_getinfo(handle, info, value);
}

/// The result of the transfer that finished in `multi` (which holds one easy handle): 1 and
/// `result` set when one did, else 0. CURLMsg's union is not reachable from Swift.
static inline int pc_multi_done(CURLM *multi, CURLcode *result) {
    int queued = 0;
    CURLMsg *message;
    while ((message = curl_multi_info_read(multi, &queued)) != NULL) {
        if (message->msg == CURLMSG_DONE) {
            *result = message->data.result;
            return 1;
        }
    }
    return 0;
}

/// CURL_READFUNC_ABORT as a plain value Swift can import.
static inline size_t pc_read_abort(void) { return CURL_READFUNC_ABORT; }

/// The version of the libcurl this process runs with, as 0xXXYYZZ.
static inline unsigned int pc_curl_version_num(void) {
    return curl_version_info(CURLVERSION_NOW)->version_num;
}

static inline const char *pc_curl_version(void) {
    return curl_version_info(CURLVERSION_NOW)->version;
}

#endif

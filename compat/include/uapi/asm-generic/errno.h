/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * uapi/asm-generic/errno.h - error codes 35..133 and their aliases.
 *
 * Follows include/uapi/asm-generic/errno.h of 6.x (the values are the
 * system call ABI; the comments are the C library's messages).
 */
#ifndef _ASM_GENERIC_ERRNO_H
#define _ASM_GENERIC_ERRNO_H

#include <asm-generic/errno-base.h>

#define EDEADLK          35	/* Resource deadlock avoided */
#define ENAMETOOLONG     36	/* File name too long */
#define ENOLCK           37	/* No locks available */
#define ENOSYS           38	/* Function not implemented */
#define ENOTEMPTY        39	/* Directory not empty */
#define ELOOP            40	/* Too many levels of symbolic links */
#define EWOULDBLOCK     EAGAIN
#define ENOMSG           42	/* No message of desired type */
#define EIDRM            43	/* Identifier removed */
#define ECHRNG           44	/* Channel number out of range */
#define EL2NSYNC         45	/* Level 2 not synchronized */
#define EL3HLT           46	/* Level 3 halted */
#define EL3RST           47	/* Level 3 reset */
#define ELNRNG           48	/* Link number out of range */
#define EUNATCH          49	/* Protocol driver not attached */
#define ENOCSI           50	/* No CSI structure available */
#define EL2HLT           51	/* Level 2 halted */
#define EBADE            52	/* Invalid exchange */
#define EBADR            53	/* Invalid request descriptor */
#define EXFULL           54	/* Exchange full */
#define ENOANO           55	/* No anode */
#define EBADRQC          56	/* Invalid request code */
#define EBADSLT          57	/* Invalid slot */
#define EDEADLOCK       EDEADLK
#define EBFONT           59	/* Bad font file format */
#define ENOSTR           60	/* Device not a stream */
#define ENODATA          61	/* No data available */
#define ETIME            62	/* Timer expired */
#define ENOSR            63	/* Out of streams resources */
#define ENONET           64	/* Machine is not on the network */
#define ENOPKG           65	/* Package not installed */
#define EREMOTE          66	/* Object is remote */
#define ENOLINK          67	/* Link has been severed */
#define EADV             68	/* Advertise error */
#define ESRMNT           69	/* Srmount error */
#define ECOMM            70	/* Communication error on send */
#define EPROTO           71	/* Protocol error */
#define EMULTIHOP        72	/* Multihop attempted */
#define EDOTDOT          73	/* RFS specific error */
#define EBADMSG          74	/* Bad message */
#define EOVERFLOW        75	/* Value too large for defined data type */
#define ENOTUNIQ         76	/* Name not unique on network */
#define EBADFD           77	/* File descriptor in bad state */
#define EREMCHG          78	/* Remote address changed */
#define ELIBACC          79	/* Can not access a needed shared library */
#define ELIBBAD          80	/* Accessing a corrupted shared library */
#define ELIBSCN          81	/* .lib section in a.out corrupted */
#define ELIBMAX          82	/* Attempting to link in too many shared libraries */
#define ELIBEXEC         83	/* Cannot exec a shared library directly */
#define EILSEQ           84	/* Invalid or incomplete multibyte or wide character */
#define ERESTART         85	/* Interrupted system call should be restarted */
#define ESTRPIPE         86	/* Streams pipe error */
#define EUSERS           87	/* Too many users */
#define ENOTSOCK         88	/* Socket operation on non-socket */
#define EDESTADDRREQ     89	/* Destination address required */
#define EMSGSIZE         90	/* Message too long */
#define EPROTOTYPE       91	/* Protocol wrong type for socket */
#define ENOPROTOOPT      92	/* Protocol not available */
#define EPROTONOSUPPORT  93	/* Protocol not supported */
#define ESOCKTNOSUPPORT  94	/* Socket type not supported */
#define EOPNOTSUPP       95	/* Operation not supported */
#define EPFNOSUPPORT     96	/* Protocol family not supported */
#define EAFNOSUPPORT     97	/* Address family not supported by protocol */
#define EADDRINUSE       98	/* Address already in use */
#define EADDRNOTAVAIL    99	/* Cannot assign requested address */
#define ENETDOWN        100	/* Network is down */
#define ENETUNREACH     101	/* Network is unreachable */
#define ENETRESET       102	/* Network dropped connection on reset */
#define ECONNABORTED    103	/* Software caused connection abort */
#define ECONNRESET      104	/* Connection reset by peer */
#define ENOBUFS         105	/* No buffer space available */
#define EISCONN         106	/* Transport endpoint is already connected */
#define ENOTCONN        107	/* Transport endpoint is not connected */
#define ESHUTDOWN       108	/* Cannot send after transport endpoint shutdown */
#define ETOOMANYREFS    109	/* Too many references: cannot splice */
#define ETIMEDOUT       110	/* Connection timed out */
#define ECONNREFUSED    111	/* Connection refused */
#define EHOSTDOWN       112	/* Host is down */
#define EHOSTUNREACH    113	/* No route to host */
#define EALREADY        114	/* Operation already in progress */
#define EINPROGRESS     115	/* Operation now in progress */
#define ESTALE          116	/* Stale file handle */
#define EUCLEAN         117	/* Structure needs cleaning */
#define ENOTNAM         118	/* Not a XENIX named type file */
#define ENAVAIL         119	/* No XENIX semaphores available */
#define EISNAM          120	/* Is a named type file */
#define EREMOTEIO       121	/* Remote I/O error */
#define EDQUOT          122	/* Disk quota exceeded */
#define ENOMEDIUM       123	/* No medium found */
#define EMEDIUMTYPE     124	/* Wrong medium type */
#define ECANCELED       125	/* Operation canceled */
#define ENOKEY          126	/* Required key not available */
#define EKEYEXPIRED     127	/* Key has expired */
#define EKEYREVOKED     128	/* Key has been revoked */
#define EKEYREJECTED    129	/* Key was rejected by service */
#define EOWNERDEAD      130	/* Owner died */
#define ENOTRECOVERABLE 131	/* State not recoverable */
#define ERFKILL         132	/* Operation not possible due to RF-kill */
#define EHWPOISON       133	/* Memory page has hardware error */

#endif /* _ASM_GENERIC_ERRNO_H */

Authentication-Results: disroot.org;
	dkim=pass (2048-bit key; unprotected) header.d=aol.com header.i=@aol.com header.b="DBDqUGR2";
	dkim-atps=neutral
From: <alice@aol.com>
To: <alice@disroot.org>

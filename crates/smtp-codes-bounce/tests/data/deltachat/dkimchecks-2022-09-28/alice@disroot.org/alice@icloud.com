Authentication-Results: disroot.org;
	dkim=pass (2048-bit key; unprotected) header.d=icloud.com header.i=@icloud.com header.b="kD59vbQH";
	dkim-atps=neutral
From: <alice@icloud.com>
To: <alice@disroot.org>

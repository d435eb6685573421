Authentication-Results: disroot.org;
	dkim=pass (2048-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.b="lxlrOeGY";
	dkim-atps=neutral
From: <alice@gmail.com>
To: <alice@disroot.org>

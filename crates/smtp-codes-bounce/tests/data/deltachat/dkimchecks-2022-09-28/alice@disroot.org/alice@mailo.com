Authentication-Results: disroot.org;
	dkim=fail reason="signature verification failed" (1024-bit key; unprotected) header.d=mailo.com header.i=@mailo.com header.b="WgsA5pwT";
	dkim-atps=neutral
From: <alice@mailo.com>
To: <alice@disroot.org>

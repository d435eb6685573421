Authentication-Results: mx1.riseup.net;
	dkim=pass (1024-bit key; unprotected) header.d=mailo.com header.i=@mailo.com header.a=rsa-sha256 header.s=mailo header.b=ehXZZkUs;
	dkim-atps=neutral
From: <alice@mailo.com>
To: bot <alice@riseup.net>

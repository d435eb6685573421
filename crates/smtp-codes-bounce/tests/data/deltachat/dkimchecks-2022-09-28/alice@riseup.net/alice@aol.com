Authentication-Results: mx1.riseup.net;
	dkim=pass (2048-bit key; unprotected) header.d=aol.com header.i=@aol.com header.a=rsa-sha256 header.s=a2048 header.b=Aei3fiG8;
	dkim-atps=neutral
From: <alice@aol.com>
To: bot <alice@riseup.net>

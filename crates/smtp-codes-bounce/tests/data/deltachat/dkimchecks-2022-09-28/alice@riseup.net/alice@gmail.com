Authentication-Results: mx1.riseup.net;
	dkim=pass (2048-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.a=rsa-sha256 header.s=20210112 header.b=kUOVASbW;
	dkim-atps=neutral
From: <alice@gmail.com>
To: bot <alice@riseup.net>

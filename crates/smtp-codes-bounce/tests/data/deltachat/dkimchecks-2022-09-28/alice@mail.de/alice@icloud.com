Authentication-Results: mxpostfix03.mail.de;
	dkim=pass (2048-bit key; unprotected) header.d=icloud.com header.i=@icloud.com header.b="JhbBMJeY";
	dkim-atps=neutral
From: <alice@icloud.com>
To: bot <alice@mail.de>

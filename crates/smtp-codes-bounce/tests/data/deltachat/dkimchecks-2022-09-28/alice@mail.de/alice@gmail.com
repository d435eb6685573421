Authentication-Results: mxpostfix02.mail.de;
	dkim=pass (2048-bit key; unprotected) header.d=gmail.com header.i=@gmail.com header.b="SQcyDRqs";
	dkim-atps=neutral
From: <alice@gmail.com>
To: bot <alice@mail.de>

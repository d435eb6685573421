Authentication-Results: mail.buzon.uy;
	dkim=pass (2048-bit key; unprotected) header.d=icloud.com header.i=@icloud.com header.b="rAXD4xVN";
	dkim-atps=neutral
From: <alice@icloud.com>
To: <alice@buzon.uy>
